# big-int multiplication, powers, modular arithmetic and gcd-like loops
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

a = 2**521 - 1
b = 3**300
t(lambda: a * b % 1000000007)
t(lambda: (a * b) // b == a)
t(lambda: str(a)[:20])
t(lambda: a.bit_length())
t(lambda: pow(3, a, 1000000007))
t(lambda: pow(2, 10**5) % 10**9)
t(lambda: len(str(2**10000)))
t(lambda: (10**50 + 3) % 97)
t(lambda: (-10**50 - 3) % 97)
t(lambda: divmod(-10**30, 10**15 + 1))
t(lambda: divmod(10**30, -7))
t(lambda: pow(123456789, -1, 10**9 + 7))
t(lambda: pow(6, -1, 9))
def gcd(x, y):
    while y:
        x, y = y, x % y
    return x
t(lambda: gcd(2**100 * 3**50, 2**60 * 3**80 * 5))
t(lambda: gcd(a, b))
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
t(lambda: isqrt(10**60))
t(lambda: isqrt(2 * 10**100) // 10**40)
t(lambda: sum(int(c) for c in str(2**1000)))
t(lambda: 7 ** 77 % 10**10)
t(lambda: (1 << 200) >> 199)
t(lambda: -(1 << 200) >> 199)
t(lambda: ((1 << 128) - 1) & -(1 << 64))
