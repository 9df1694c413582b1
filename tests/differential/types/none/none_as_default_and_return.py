# None as default argument sentinel, implicit returns, dict.get defaults
def f(a=None, b=None):
    if a is None:
        a = []
    a.append(len(a))
    return a, b
print(f(), f(), f([9]), f(b=0))
def maybe(x):
    if x > 0:
        return x
print([maybe(v) for v in (-1, 0, 1)])
d = {"k": None}
print(d.get("k"), d.get("missing"), d.get("k", "default"), "k" in d, d.get("missing", None) is None)
print([None] + [None], (None,) * 2, {None} | {None}, len({None: 1, None: 2}))
print(sorted([None]), sorted([]))
x = None
x = x or "fallback"
y = None
y = y if y is not None else "ternary fallback"
print(x, y)
print([v for v in [1, None, 2] if v is not None])
