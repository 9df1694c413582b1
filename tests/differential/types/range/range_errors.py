# range argument errors and attribute immutability
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: range(1.0))
t(lambda: range(1, 2.0))
t(lambda: range(1, 2, 0.5))
t(lambda: range(None))
t(lambda: range("a", "b"))
t(lambda: range(1, 2, 0))
t(lambda: range(start=1))
r = range(5)
t(lambda: setattr(r, "start", 1))
t(lambda: r.__setitem__(0, 1))
t(lambda: r[1.5])
t(lambda: r[None])
t(lambda: r[10**30])
t(lambda: r.index(10))
t(lambda: r.index("a"))
t(lambda: hash(r) == hash(range(0, 5)))
t(lambda: hash(range(0)) == hash(range(3, 3)))
t(lambda: {range(3): "key"}[range(0, 3)])
t(lambda: range(3) + range(2))
t(lambda: range(3) * 2)
t(lambda: list(range(3)) * 2)
