# implicit numeric conversions across int/float/complex/bool
vals = [True, 3, 2.5, 1 + 2j]
for a in vals:
    for b in vals:
        r = a + b
        print(type(a).__name__, type(b).__name__, type(r).__name__, r)
print(True + True, True * 2.0, True / 2, 7 // 2.0, 7 % 2.0, 2 ** 0.5, 4 ** 0.5, (-8) ** (1/3) if False else "skip")
print(10 / 5, type(10 / 5).__name__, 10 // 5, type(10 // 5).__name__)
print(2 ** 3, 2 ** -3, 2.0 ** 3, (-2) ** 0.5)
print(1 + 0.1 == 1.1, 3 * 0.1)
print(int(True) + int("7") * float("1.5"))
print(complex(1, 2) * 2, (1 + 2j) / 2, abs(3 + 4j) * 2)
print(10 ** 20 + 0.5, 10 ** 17 + 1.0, (10 ** 17 + 1) * 1.0 == 10 ** 17)
print(5 // -2, -5 // 2, 5 % -2, -5 % 2, 5.0 % -2, -5.0 % 2)
print(divmod(-7, 2), divmod(7, -2.0))
print(0.1 * 3 == 0.3, round(0.1 * 3, 10) == 0.3)
try:
    print(1 + "1")
except TypeError as e:
    print("TypeError", e)
try:
    print(1.5 % 1j)
except TypeError as e:
    print("TypeError", e)
try:
    print(1j // 1)
except TypeError as e:
    print("TypeError", e)
try:
    print("a" - "b")
except TypeError as e:
    print("TypeError", e)
try:
    print([] + ())
except TypeError as e:
    print("TypeError", e)
try:
    print(-"x")
except TypeError as e:
    print("TypeError", e)
try:
    print(~1.5)
except TypeError as e:
    print("TypeError", e)
