# dict construction, insertion order, lookups and KeyError
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: dict())
t(lambda: dict(a=1, b=2))
t(lambda: dict([("x", 1), ("y", 2)], z=3))
t(lambda: dict({"a": 1}, a=2))
t(lambda: dict([(1, 2, 3)]))
t(lambda: dict([1, 2]))
t(lambda: dict(["ab", "cd"]))
t(lambda: dict(5))
t(lambda: {1: "a", 1.0: "b", True: "c"})
t(lambda: {"b": 1, "a": 2, "c": 3})
d = {}
d["z"] = 1
d["a"] = 2
d["m"] = 3
d["z"] = 4
print(d, list(d))
del d["a"]
d["a"] = 5
print(d)
t(lambda: d["missing"])
t(lambda: d[[1]])
t(lambda: d.get("missing"))
t(lambda: d.get("missing", 0))
t(lambda: d.get([1]))
t(lambda: "z" in d)
t(lambda: [] in d)
def delmissing():
    del d["nope"]
t(delmissing)
t(lambda: {(1, 2): 1}[(1, 2)])
t(lambda: {1: 2}[1.0])
t(lambda: {0: "zero"}[False])
t(lambda: {"k": 1}.__getitem__("k"))
t(lambda: len({1: 1, 2: 2}))
t(lambda: {1: 1} == {1: 1.0})
t(lambda: {1: 1, 2: 2} == {2: 2, 1: 1})
t(lambda: {1: 1} < {1: 1})
t(lambda: hash({}))
t(lambda: {**{"a": 1}, "b": 2, **{"a": 3}})
t(lambda: dict.fromkeys("abc"))
t(lambda: dict.fromkeys([1, 2], []))
t(lambda: dict.fromkeys(5))
