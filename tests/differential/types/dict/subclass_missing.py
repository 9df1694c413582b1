# dict subclasses: __missing__, overridden methods that builtins bypass
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in "mississippi":
    c[ch] = c[ch] + 1
print(sorted(c.items()))
print(c.get("z"), "z" in c)
class Default(dict):
    def __missing__(self, key):
        self[key] = value = [key]
        return value
d = Default()
d["a"].append(1)
print(d)
class Upper(dict):
    def __getitem__(self, k):
        return dict.__getitem__(self, k.upper())
    def __setitem__(self, k, v):
        dict.__setitem__(self, k.upper(), v)
u = Upper()
u["x"] = 1
print(u, u["x"], u.get("x"), u.get("X"))
u2 = Upper(y=2)
print(u2)
class Raiser(dict):
    def __missing__(self, key):
        raise KeyError("custom " + key)
t(lambda: Raiser()["q"])
class Rep(dict):
    def __repr__(self):
        return "Rep(" + dict.__repr__(self) + ")"
r = Rep(a=1)
print(r, [r], type(r.copy()).__name__, type(r | {}).__name__)
t(lambda: dict.__missing__)
class WithInit(dict):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.extra = True
w = WithInit(p=1)
print(w, w.extra)
class M(dict):
    pass
m = M()
m.attr = 5
print(m.attr, m)
