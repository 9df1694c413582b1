# dict subclasses: repr, views, equality with plain dicts, copy and fromkeys types
class D(dict):
    pass
d = D(a=1, b=2)
print(d, repr(d), d == {"a": 1, "b": 2}, type(d.copy()).__name__, type(dict(d)).__name__)
print(list(d.keys()), list(d.values()), list(d.items()))
class R(dict):
    def __repr__(self):
        return "R" + super().__repr__()
r = R(x=[1])
print(r, [r], {"nested": r})
class Keys(dict):
    def keys(self):
        return ["only_a"]
k = Keys(only_a=1, hidden=2)
print(dict(k), {**k}, dict(**k) if False else "skip")
def f(**kw):
    return sorted(kw)
print(f(**k))
class GetItemOverride(dict):
    def __getitem__(self, key):
        return "overridden"
g = GetItemOverride(a=1)
print(g["a"], g.get("a"), dict(g)["a"], {**g}["a"], f(**g))
