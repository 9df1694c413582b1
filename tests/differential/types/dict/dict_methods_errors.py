# dict method argument errors and messages
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

d = {"a": 1}
t(lambda: d.get())
t(lambda: d.get(1, 2, 3))
t(lambda: d.pop())
t(lambda: d.setdefault())
t(lambda: d.keys(1))
t(lambda: d.update({}, {}))
t(lambda: d.update(a=1, b=2) or sorted(d.items()))
t(lambda: dict.fromkeys())
t(lambda: dict.fromkeys([1], 2, 3))
t(lambda: d.copy(1))
t(lambda: d.__getitem__())
t(lambda: d.__contains__([]))
t(lambda: dict([("a", 1), ("b",)]))
t(lambda: dict([("a", 1, 2)]))
t(lambda: dict(1, 2))
t(lambda: dict({}, {}))
t(lambda: {}.__class__.__name__)
t(lambda: dict.__dict__["fromkeys"].__class__.__name__)
t(lambda: d | 1)
t(lambda: 1 | d)
t(lambda: d.items() | 1)
t(lambda: d.values() | {1})
t(lambda: {1: 2}.get([]))
t(lambda: [].__class__({1: 2}))
