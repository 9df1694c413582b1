# cmath: phase/polar/rect, log with a base, isclose/isfinite/isinf/isnan,
# argument conversion (__complex__, __float__, __index__) and errors
import cmath
INF = float("inf")
NAN = float("nan")
vals = [0j, -0.0 + 0j, complex(-0.0, -0.0), 1 + 1j, -1 + 0j, complex(-1, -0.0), 3 - 4j, complex(INF, 1), complex(-INF, INF),
        complex(1, -INF), complex(NAN, 1), complex(INF, NAN), 1e308 + 1e308j, 2, -2.5, True]
for z in vals:
    print(repr(z), cmath.phase(z), cmath.polar(z), cmath.isfinite(z), cmath.isinf(z), cmath.isnan(z))
try:
    cmath.polar(complex(1.7e308, 1.7e308))
except OverflowError as e:
    print("OverflowError", e)
rs = [0.0, -0.0, 1.0, -2.0, 1e308, INF, -INF, NAN]
phis = [0.0, -0.0, 1.0, -2.0, 3.141592653589793, INF, -INF, NAN]
for r in rs:
    out = []
    for phi in phis:
        try:
            out.append(repr(cmath.rect(r, phi)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(repr(r), out)
for x, b in [(8, 2), (100, 10), (1j, 1j), (-1, 2), (2, -1), (1e-300, 10), (0, 2), (2, 0), (2, 1), (0, 0), (1, 1),
             (complex(INF, 0), 2), (2, complex(0, INF)), (3 + 4j, 2 - 1j)]:
    try:
        print("log", x, b, cmath.log(x, b))
    except (ValueError, OverflowError) as e:
        print("log", x, b, type(e).__name__, e)
for z in [0, -0.0, complex(0, -0.0), complex(-0.0, -0.0)]:
    for f in (cmath.log, cmath.log10):
        try:
            print(f(z))
        except ValueError as e:
            print(f.__name__, "ValueError", e)
for a, b, kw in [(1 + 1j, 1 + 1.0000000001j, {}), (1 + 1j, 1.1 + 1j, {}), (1j, 1.1j, {"rel_tol": 0.1}),
                 (0j, 1e-10j, {"abs_tol": 1e-9}), (complex(INF, 0), complex(INF, 0), {}), (complex(INF, 1), complex(INF, 2), {}),
                 (complex(NAN, 0), complex(NAN, 0), {}), (1, 1 + 0j, {}), (2.0, 2.0000001, {"rel_tol": 1e-6})]:
    print("isclose", a, b, kw, cmath.isclose(a, b, **kw))
class Cx:
    def __complex__(self): return 1 + 2j
class Bad:
    def __complex__(self): return 1.0
class F:
    def __float__(self): return 2.5
class I:
    def __index__(self): return 3
class Both:
    def __complex__(self): return 3j
    def __float__(self): return 9.0
class CS(complex): pass
for x in [Cx(), Bad(), F(), I(), Both(), CS(1, 1), 10**400, "1", None, [1]]:
    try:
        print(cmath.sqrt(x), cmath.phase(x), cmath.isfinite(x))
    except Exception as e:
        print(type(e).__name__, e)
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
t(cmath.sqrt)
t(cmath.sqrt, 1, 2)
t(cmath.sqrt, z=1)
t(cmath.log)
t(cmath.log, 1, 2, 3)
t(cmath.log, x=1)
t(cmath.log, 1, "a")
t(cmath.rect, 1)
t(cmath.rect, 1, 2j)
t(cmath.rect, "a", 1)
t(cmath.phase)
t(cmath.polar, 1, 2)
t(cmath.isclose, 1)
t(cmath.isclose, 1, 2, 3)
t(cmath.isclose, 1, 1, rel_tol=-1)
t(cmath.isclose, 1, 1, abs_tol=-1)
t(cmath.isclose, 1, "x")
t(cmath.isclose, 1, 2, tol=1)
t(cmath.exp, 1000)
t(cmath.exp, complex(1, INF))
t(cmath.cosh, complex(800, 1))
t(cmath.sinh, complex(2, INF))
t(cmath.tanh, complex(2, INF))
t(cmath.atanh, 1)
t(cmath.atanh, -1)
t(cmath.acos, complex(INF, NAN))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj, type(cmath.infj).__name__)
print(cmath.__name__, cmath.__doc__)
