# counting characters by predicate over code point ranges
ranges = [(0, 128), (128, 256), (0x370, 0x400), (0x400, 0x500), (0x600, 0x700), (0x900, 0x980), (0x3040, 0x3100), (0xff00, 0xff70)]
for lo, hi in ranges:
    chars = [chr(c) for c in range(lo, hi)]
    print("%04x-%04x" % (lo, hi), sum(c.isalpha() for c in chars), sum(c.isdigit() for c in chars), sum(c.isdecimal() for c in chars),
          sum(c.isnumeric() for c in chars), sum(c.isspace() for c in chars), sum(c.isupper() for c in chars), sum(c.islower() for c in chars),
          sum(c.isprintable() for c in chars), sum(c.isidentifier() for c in chars))
print(sum(1 for c in range(0x110000) if chr(c).isspace()))
print(sum(1 for c in range(0x3000) if chr(c).upper() != chr(c)))
samples = "aZ09 _\t\n\u00e9\u00df\u0391\u03c9\u0660\u00bd\u2167\u3000\u200b\U0001d7d8\U0001f600"
for ch in samples:
    print("U+%04X" % ord(ch), ch.isalpha(), ch.isalnum(), ch.isdigit(), ch.isdecimal(), ch.isnumeric(),
          ch.isspace(), ch.isupper(), ch.islower(), ch.istitle(), ch.isprintable(), ch.isidentifier(), ch.isascii())
print("ǅ".istitle(), "ǅǅ".istitle(), "Ǆ".isupper(), "ǆ".islower())
print("ⅷ".isnumeric(), "ⅷ".isdigit(), "ⅷ".isdecimal(), "ⅷ".islower(), "ⅷ".isalpha())
print("٣".isdigit(), int("٣"), "𝟘".isdecimal(), int("𝟘𝟙"))
