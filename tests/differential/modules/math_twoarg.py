# math: atan2, copysign, fmod, remainder, pow, ldexp, hypot/dist, nextafter,
# ulp, isclose over special values
import math
INF = float("inf")
NAN = float("nan")
vals = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, 3.0, 1e308, 5e-324, INF, -INF, NAN]
def show(f, x, y):
    try:
        return repr(f(x, y))
    except (ValueError, OverflowError, ZeroDivisionError) as e:
        return type(e).__name__[:2] + ":" + str(e)
for name in ["atan2", "copysign", "fmod", "remainder", "pow", "nextafter"]:
    f = getattr(math, name)
    for x in vals:
        print(name, repr(x), " ".join(show(f, x, y) for y in vals))
print([math.remainder(x, 2.0) for x in (1.0, 3.0, 5.0, -1.0, -3.0, 2.5, 7.5, -7.5)])
print([math.remainder(x, 0.1) for x in (0.25, 1.0, 10.0)])
print(math.pow(-8, 1/3) if False else show(math.pow, -8.0, 1 / 3))
print(math.pow(2, 0.5), math.pow(10, -2), math.pow(-2, 3), math.pow(-2.0, -3))
for x, i in [(1.0, 1024), (1.0, 1023), (1.0, -1074), (1.0, -1075), (3.0, 10**20), (3.0, -10**20),
             (-0.0, 5), (INF, -3), (NAN, 3), (0.75, 2**31), (0.75, -2**31 - 1), (1.5, True)]:
    print("ldexp", x, i, show(math.ldexp, x, i))
for args in [(), (3,), (3, 4), (-3, 4), (1e308, 1e308), (1e-320, 1e-320), (INF, NAN), (NAN, 1),
             (1, 2, 3, 4, 5), (0.1,) * 20, (5e-324, 5e-324, 5e-324), (3, 4.5, -6, True), (1e200, 1e-200)]:
    print("hypot", args[:3], math.hypot(*args))
print(math.dist((1, 2), (4, 6)), math.dist([0.0] * 5, [1.0] * 5), math.dist((), ()))
print(math.dist(iter([1, 2, 3]), (3, 2, 1)), math.dist((1e308, -1e308), (-1e308, 1e308)))
print(math.dist((NAN, 1), (1, INF)), math.dist((1.5,), (-2.0,)))
for x in [0.0, -0.0, 1.0, 1e-308, 5e-324, 1e308, 1.7976931348623157e308, INF, -INF, NAN, -3.5, 2**52]:
    print("ulp", x, math.ulp(x))
for a, b, kw in [(1.0, 1.0 + 1e-10, {}), (1.0, 1.1, {}), (1.0, 1.1, {"rel_tol": 0.1}),
                 (0.0, 1e-10, {}), (0.0, 1e-10, {"abs_tol": 1e-9}), (INF, INF, {}), (INF, -INF, {}),
                 (NAN, NAN, {}), (1e308, INF, {"rel_tol": 1.0}), (5, 5.000000001, {}), (-1, -1.0, {})]:
    print("isclose", a, b, kw, math.isclose(a, b, **kw))
print(math.isclose(a=1, b=1.0), math.isclose(1, 2, abs_tol=1, rel_tol=0))
for kw in [{"rel_tol": -1}, {"abs_tol": -0.1}, {"rel_tol": "x"}]:
    try:
        math.isclose(1, 2, **kw)
    except Exception as e:
        print(type(e).__name__, e)
