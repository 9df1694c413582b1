# math: fsum's exact rounding and special values; log/log2/log10 of floats,
# huge ints and with bases
import math
INF = float("inf")
NAN = float("nan")
cases = [[], [0.0], [-0.0], [-0.0, -0.0], [1e-16, 1, 1e16], [0.1] * 10, [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50],
         [2.0**53, -0.5, -2.0**-54], [2.0**53, 1.0, 2.0**-100], [1.7e308, -1.7e308, 1.0], [1, 2, 3],
         [INF, 1.0], [-INF, -INF], [NAN, 1.0], [INF, NAN], [1e308, 1e308, -1e308], [True, 0.5],
         [x * 0.001 for x in range(1000)], [(-1) ** i / (i + 1) for i in range(200)], [2**1000, -2**1000, 3.5]]
for c in cases:
    try:
        print(repr(math.fsum(c)), repr(sum(c)) if len(c) < 10 else "")
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for c in [[INF, -INF], [1e308, 1e308], [2**1024], ["1.0"], [1, None]]:
    try:
        print(math.fsum(c))
    except Exception as e:
        print(type(e).__name__, e)
print(math.fsum(iter([0.5, 0.25])), math.fsum(range(10)), math.fsum({1.5: 0, 2.5: 1}))
for x in [1, 2, 10, 1000, 2**53 + 1, 10**22, 10**308, 10**309, 2**1023, 2**1024, 2**1024 - 1, 7**1000, 10**5000, 2**(2**16),
          0.5, 1e-300, 5e-324, 123.456, True, 3 ** 700 - 1]:
    print("log", math.log(x), math.log2(x), math.log10(x), math.log(x, 2), math.log(x, 10), math.log(x, 0.5))
for x, b in [(8, 2), (1000, 10), (2**1000, 2**10), (10**400, 10**200), (1, 10), (100, 0.1), (7, 7), (2.5, 2.5)]:
    print("logb", x, b, math.log(x, b))
for args in [(0,), (-1,), (-2**2000,), (0.0,), (-0.5,), (-INF,), (NAN,), (INF,), (10, 1), (10, 0), (10, -2), (1, 1), (0, 10)]:
    for f in (math.log, math.log2, math.log10):
        try:
            print(f.__name__, args, f(*args))
        except Exception as e:
            print(f.__name__, args, type(e).__name__, e)
try:
    math.log("1")
except TypeError as e:
    print(e)
try:
    math.log(2, "1")
except TypeError as e:
    print(e)
