# chr() and ord() range checks
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for n in [0, 9, 10, 32, 65, 127, 128, 160, 255, 256, 0x3b1, 0xd800, 0xfffd, 0xffff, 0x10000, 0x1f600, 0x10ffff]:
    c = chr(n)
    print(n, repr(c), ord(c) == n, len(c))
t(lambda: chr(-1))
t(lambda: chr(0x110000))
t(lambda: chr(2**64))
t(lambda: chr(65.0))
t(lambda: chr("A"))
t(lambda: chr(True))
t(lambda: ord(""))
t(lambda: ord("ab"))
t(lambda: ord(b"a"))
t(lambda: ord(b"ab"))
t(lambda: ord(bytearray(b"z")))
t(lambda: ord(65))
t(lambda: ord("\U0010ffff"))
t(lambda: ord(None))
class I:
    def __index__(self):
        return 97
t(lambda: chr(I()))
class S(str):
    pass
t(lambda: ord(S("q")))
t(lambda: "".join(chr(c) for c in range(0x41, 0x5b)))
t(lambda: [ord(c) for c in "héllo"])
