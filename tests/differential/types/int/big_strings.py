# converting large ints to and from strings, in various bases
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

n = 3**500
s = str(n)
print(len(s), s[:20], s[-20:])
print(int(s) == n)
print(hex(n)[:30], oct(n)[-10:], bin(n)[:20])
print(int(hex(n), 16) == n, int(oct(n), 8) == n, int(bin(n), 2) == n)
for base in range(2, 37):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"[:base]
    v = int(digits, base)
    print(base, v, int(digits.upper(), base) == v)
print(-int("9" * 50))
print(int("-" + "1" * 60, 2))
print(int("  -  5".replace(" ", "")))
t(lambda: int("- 5"))
t(lambda: int("5 5"))
t(lambda: int("0x", 16))
t(lambda: int("0b", 0))
t(lambda: int("1" * 5000))
x = 10**4299
print(len(str(x)))
t(lambda: str(10**4300))
t(lambda: int("1" * 4301))
print(len(hex(10**5000)))
