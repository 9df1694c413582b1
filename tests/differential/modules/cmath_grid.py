# cmath: every complex function over a grid of ordinary, huge, tiny and
# special values (C99 Annex G tables), with ValueError/OverflowError cases
import cmath
INF = float("inf")
NAN = float("nan")
parts = [-INF, -1e300, -2.5, -1.0, -0.0, 0.0, 5e-324, 0.5, 1.0, 3.0, 1e300, INF, NAN]
names = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "exp", "log", "log10",
         "sin", "sinh", "sqrt", "tan", "tanh"]
def show(f, z):
    try:
        return repr(f(z))
    except (ValueError, OverflowError) as e:
        return type(e).__name__[:2]
for name in names:
    f = getattr(cmath, name)
    print("==", name)
    for re in parts:
        print(repr(re), " ".join(show(f, complex(re, im)) for im in parts))
