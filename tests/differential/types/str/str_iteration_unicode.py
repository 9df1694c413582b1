# iterating strings with mixed widths: latin-1, BMP and astral characters
samples = ["ascii", "latin-é", "bmp-€", "astral-😀", "mixed é€😀", "", "\x00\x7f\x80\xff", "\ud7ff\ue000\uffff"]
for s in samples:
    print(repr(s), len(s), [ord(c) for c in s][-3:], s[::-1] == "".join(reversed(s)))
s = "a€😀b"
print(s.find("😀"), s.index("b"), s[2], s[-2:], s.encode("utf-8"), s.encode("utf-16-le").hex())
print(s.upper(), s * 2, s.center(8, "·"), s.split("€"))
big = "😀" * 1000 + "x"
print(len(big), big.count("😀"), big.find("x"), big[-2:])
print("".join(chr(c) for c in [0x41, 0xe9, 0x20ac, 0x1f600]))
print("😀".isprintable(), "\u200b".isprintable(), "\u00ad".isprintable())
print(str("😀".encode("utf-8"), "utf-8"), "😀".encode("utf-32-le"))
print(max("a€😀"), min("a€😀"), sorted("😀€a"))
print("x😀y".partition("😀"), "x😀y".replace("😀", "<emoji>"))
print("é" + "😀" == "é😀", ("é" + "😀")[1] == "😀")
print(repr("\u2028"), repr("\x1b"), repr("\u0085"))
