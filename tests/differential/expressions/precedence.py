# operator precedence and associativity
print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 ** 2, -2 ** 2, (-2) ** 2, 2 ** -1)
print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(1 + 2 << 1, 1 + (2 << 1), 1 << 2 + 1)
print(6 & 3 | 8, 6 & (3 | 8), 1 | 2 ^ 3, 1 ^ 2 & 3)
print(not 1 == 2, not (1 == 2), (not 1) == 2)
print(1 < 2 and 2 < 3 or False, not True or True, not (True or True))
print(3 - 2 - 1, 3 - (2 - 1), 64 / 4 / 2, 64 / (4 / 2), 100 // 10 // 3)
print(-3 % 5, -(3 % 5), ~5 + 1, ~(5 + 1), - - 3, -~3, ~-3)
print(1 if 0 else 2 if 1 else 3, (1 if 0 else 2) if 1 else 3)
print((lambda: 1 if True else 2)())
x = 5
tr = True
print(x > 3 == True, (x > 3) == True)
print([1, 2] * 2 + [3], "a" + "b" * 2)
print(2 * 3 % 4, 2 * (3 % 4), 7 % 3 * 2)
print(not -1, not 0 + 0, -x ** 2, (-x) ** 2)
one = [1]
print(1 in one == tr, (1 in one) == tr)
print(True + True * True, (True + True) * True)
a = b = c = 1
print(a, b, c)
print(3 & 5 == 1, 3 & (5 == 1))
print(0 or 1 and 2, (0 or 1) and 2, 0 or (1 and 2))
tr = True
print((lambda: 0) is not None, 2 > 1 == tr)
