# object.__reduce_ex__/__reduce__/__getstate__ (CPython 3.11 rules) and copy built on them
import copy, copyreg

class P:
    def __init__(self, x):
        self.x = x
class S:
    __slots__ = ("a", "b")
class SD(S):
    pass
class NA:
    def __getnewargs__(self):
        return (1, 2)
    def __new__(cls, *a):
        o = object.__new__(cls)
        o.args = a
        return o
class NX:
    def __new__(cls, *a, **k):
        return object.__new__(cls)
    def __getnewargs_ex__(self):
        return ((1,), {"k": 2})
class BadNX(NX):
    def __getnewargs_ex__(self):
        return [1]
class L(list):
    pass
class D(dict):
    pass
class R:
    def __reduce__(self):
        return (R, ())
class GS:
    def __getstate__(self):
        return {"custom": 1}

def show(o, proto):
    try:
        r = o.__reduce_ex__(proto)
        parts = []
        for p in r:
            if callable(p) and hasattr(p, "__name__"):
                parts.append(p.__name__)
            elif type(p).__name__.endswith("iterator"):
                parts.append(sorted(p) if isinstance(o, dict) else list(p))
            else:
                parts.append(p if not isinstance(p, tuple) else tuple(getattr(x, "__name__", x) for x in p))
        print(type(o).__name__, proto, parts)
    except Exception as e:
        print(type(o).__name__, proto, type(e).__name__, e)

p = P(3)
s = S(); s.a = 1
sd = SD(); sd.b = 2; sd.__dict__["z"] = 3
l = L([1, 2]); l.tag = "t"
d = D(a=1)
for o in [p, s, sd, NA(), NX(), BadNX(), l, d, R(), GS(), object(), 5, "s", [1], {"a": 1}]:
    for proto in (0, 1, 2, 4):
        show(o, proto)
print(p.__getstate__(), s.__getstate__(), object().__getstate__(), sd.__getstate__())
c = copy.copy(p); print(c.x, c is p)
dc = copy.deepcopy([p, p]); print(dc[0] is dc[1], dc[0].x)
cs = copy.copy(s); print(cs.a, hasattr(cs, "b"))
cl = copy.deepcopy(l); print(cl, cl.tag, type(cl).__name__)
print(copy.copy(NA()).args, copyreg._slotnames(SD), SD.__dict__.get("__slotnames__"))
try:
    object.__reduce_ex__(p, "x")
except TypeError as e:
    print(e)
