# bin(), oct(), hex() and round trips
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for n in [0, 1, -1, 7, 8, 255, -255, 2**32, -(2**64), 10**20, True]:
    print(n, bin(n), oct(n), hex(n))
t(lambda: bin(1.5))
t(lambda: hex("1"))
t(lambda: oct(None))
t(lambda: hex())
class I:
    def __index__(self):
        return 42
class Int:
    def __int__(self):
        return 42
t(lambda: hex(I()))
t(lambda: bin(I()))
t(lambda: hex(Int()))
class BadIndex:
    def __index__(self):
        return "x"
t(lambda: hex(BadIndex()))
t(lambda: int(hex(-12345), 16))
t(lambda: int(bin(12345)[2:], 2))
t(lambda: int(oct(-8), 0))
t(lambda: 0x_ff + 0o_17 + 0b_1)
t(lambda: (0xDEADBEEF, 0O777, 0B1010))
t(lambda: format(255, "#b") == bin(255))
t(lambda: hex(2**200))
