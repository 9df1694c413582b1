# sort keys that raise, keys with mixed types, reverse stability
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

L = [3, 1, 2]
def bad_key(x):
    if x == 2:
        raise ValueError("bad key for 2")
    return x
t(lambda: L.sort(key=bad_key))
t(lambda: L)
t(lambda: sorted(["b", 1], key=str))
t(lambda: sorted([1, "b"], key=lambda v: (isinstance(v, str), v)))
t(lambda: sorted([{"a": 1}, {"a": 0}], key=lambda d: d["a"]))
t(lambda: sorted([{"a": 1}, {"b": 0}], key=lambda d: d["a"]))
t(lambda: sorted([[], [1], [0, 0]], key=len, reverse=True))
recs = [("x", 1), ("y", 1), ("z", 0)]
t(lambda: sorted(recs, key=lambda r: r[1], reverse=True))
t(lambda: sorted(recs, key=lambda r: r[1]))
t(lambda: sorted([1.0, 1, True], key=lambda v: 0))
t(lambda: sorted([3, 1, 2], key=lambda v: -v))
t(lambda: sorted(range(10), key=lambda v: v % 3, reverse=True))
