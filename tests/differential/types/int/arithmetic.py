# int arithmetic: floor division and modulo signs, big ints, errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (5, 1), (10**20, 7), (-10**20, 7), (10**20, -10**19 - 3)]
for a, b in pairs:
    print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b))
t(lambda: 1 // 0)
t(lambda: 1 % 0)
t(lambda: divmod(1, 0))
t(lambda: 10**30 // 0)
t(lambda: 1 / 0)
print(7 / 2, -7 / 2, 10**20 / 10**10)
t(lambda: 2**10000 / 1)
t(lambda: 10**400 / 3)
print(2**100 // 3**20)
print(-(2**100) // 3**20, -(2**100) % 3**20)
print(abs(-10**50), -(-5), +5, ~5, ~-1, ~0)
print(3 ** 0, 0 ** 0, (-2) ** 3, 2 ** -1, (-2) ** -2)
t(lambda: 0 ** -1)
print(pow(3, 4, 5), pow(-3, 4, 5), pow(3, -1, 7), pow(2, 100, 10**9 + 7))
t(lambda: pow(2, -1, 4))
t(lambda: pow(2, 3, 0))
t(lambda: 1 + "a")
t(lambda: "a" * 3)
t(lambda: [1] * -2)
print(10**18 * 10**18, (10**18 + 1) * (10**18 - 1))
x = 1
for i in range(1, 30):
    x *= i
print(x, x % 1000003, x // 10**20)
