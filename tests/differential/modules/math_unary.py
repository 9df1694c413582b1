# math: every one-argument float function over ordinary and special values,
# with CPython's ValueError/OverflowError choices
import math
INF = float("inf")
NAN = float("nan")
values = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.0, -2.0, 0.999, 1e-300, 5e-324, 1e-10,
          3.7, -3.7, 10.0, 100.0, 709.0, 710.0, -745.0, 1e16, 1e300, -1e300, INF, -INF, NAN, 7, -3, True]
names = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cbrt", "cos", "cosh",
         "exp", "exp2", "expm1", "fabs", "log1p", "sin", "sinh", "sqrt", "tan", "tanh",
         "erf", "erfc", "degrees", "radians", "isfinite", "isinf", "isnan", "log", "log2", "log10"]
for name in names:
    f = getattr(math, name)
    out = []
    for v in values:
        try:
            out.append(repr(f(v)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__[:2] + ":" + str(e))
    print(name, " ".join(out))
for name in ["frexp", "modf"]:
    f = getattr(math, name)
    print(name, [f(v) for v in values])
print(math.pi, math.e, math.tau, math.inf, math.nan, -math.inf)
print(type(math.pi).__name__, math.copysign(1.0, math.nan))
print(math.sqrt(2) ** 2, math.exp(1) == math.e, math.log(math.e))
print(math.sin(math.pi), math.cos(math.pi / 3), math.tan(math.pi / 4))
print(math.atan(1) * 4 == math.pi, math.asin(1), math.acos(0))
print(math.expm1(1e-10), math.log1p(1e-10), math.cbrt(-27), math.cbrt(2))
print(math.exp2(10), math.exp2(-1074), math.exp2(-1075), math.exp2(0.5))
