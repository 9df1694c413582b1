# math: __float__, __index__, __ceil__/__floor__/__trunc__ lookups, int and
# float subclasses, and the argument errors of every calling convention
import math
class F:
    def __float__(self): return 2.5
class I:
    def __index__(self): return 7
class Both:
    def __float__(self): return 1.5
    def __index__(self): return 9
class R:
    def __ceil__(self): return "ceil!"
    def __floor__(self): return "floor!"
    def __trunc__(self): return "trunc!"
class FI(float): pass
class II(int): pass
class FF(float):
    def __floor__(self): return "sub-floor"
for x in [F(), I(), Both(), FI(2.7), II(5), FF(3.3), True, -2.5, 10**20, -7]:
    out = []
    for f in (math.ceil, math.floor, math.trunc, math.sqrt, math.exp, math.isqrt, math.factorial, math.gcd):
        try:
            r = f(x)
            out.append(repr(r) + ":" + type(r).__name__)
        except Exception as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(type(x).__name__, out)
print(math.ceil(R()), math.floor(R()), math.trunc(R()))
class BadF:
    def __float__(self): return "x"
class RaiseF:
    def __float__(self): raise KeyError("k")
for x in [BadF(), RaiseF(), "3", None, [1], 1j, 2**1030]:
    for f in (math.sin, math.floor, math.ceil, math.frexp, math.isnan, math.hypot):
        try:
            print(f(x))
        except Exception as e:
            print(f.__name__, type(e).__name__, e)
print(math.ceil(2.5), math.ceil(-2.5), math.floor(-0.5), math.trunc(-2.9), math.ceil(1e20), math.floor(-1e300) == -10**300)
for x in [float("inf"), float("nan"), -float("inf")]:
    for f in (math.ceil, math.floor, math.trunc):
        try:
            f(x)
        except Exception as e:
            print(f.__name__, type(e).__name__, e)
def err(f, *a, **k):
    try:
        print(f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)
err(math.sin)
err(math.sin, 1, 2)
err(math.sin, x=1)
err(math.atan2, 1)
err(math.atan2, 1, 2, 3)
err(math.atan2, y=1, x=2)
err(math.pow, 1)
err(math.fmod, 1, 2, 3)
err(math.log)
err(math.log, 1, 2, 3)
err(math.log, x=3)
err(math.isclose, 1)
err(math.isclose, 1, 2, 3)
err(math.isclose, 1, 2, foo=1)
err(math.perm)
err(math.perm, 1, 2, 3)
err(math.comb, 1)
err(math.ldexp, 1.0, 2.0)
err(math.ldexp, "x", 2)
err(math.ldexp, 1)
err(math.dist, [1], [1, 2])
err(math.dist, 1, 2)
err(math.dist, [1], 2)
err(math.dist, ["a"], [1])
err(math.hypot, "a")
err(math.hypot, 1, x=2)
err(math.nextafter, 1)
err(math.ulp, 1, 2)
err(math.fsum)
err(math.fsum, 1)
err(math.gcd, x=1)
err(math.lcm, x=1)
err(math.trunc, "a")
print(math.sin.__name__, math.log.__name__, repr(math.floor)[:30], type(math.sin).__name__, math.__name__)
