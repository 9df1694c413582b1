# None/Ellipsis/NotImplemented identity, repr, use as defaults and sentinel values
_sentinel = object()
def get(d, k, default=_sentinel):
    if k in d:
        return d[k]
    if default is _sentinel:
        raise KeyError(k)
    return default
print(get({"a": None}, "a"), get({}, "b", None), get({}, "c", "dflt"))
try:
    get({}, "d")
except KeyError as e:
    print("KeyError", e)
vals = [None, None, 0, "", False, [], None]
print(vals.count(None), [v is None for v in vals], sum(v is None for v in vals))
print(sorted([3, 1, 2], key=lambda x: (x is None, x)))
print([x for x in [1, None, 2] if x is not None])
print(type(None).__name__, type(...).__name__, type(NotImplemented).__name__)
print(None.__eq__(None), None.__hash__() == hash(None), ....__class__ is type(Ellipsis))
print(str(None) == "None", format(None), f"{None!r}", "%s" % None)
def returns_nothing():
    return
print(returns_nothing() is None, (lambda: None)() is None)
print({None: 1}[None], {...: 2}[...], [None] * 3)
try:
    None.__bool__ = lambda: True
except AttributeError as e:
    print("AttributeError", e)
try:
    type(None).__bool__ = lambda s: True
except TypeError as e:
    print("TypeError", e)
