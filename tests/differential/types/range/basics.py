# range: construction, length, indexing, slicing, membership, errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for r in [range(5), range(2, 10, 3), range(10, 0, -2), range(0), range(5, 5), range(-3, 3), range(0, 10**20, 10**19)]:
    print(repr(r), len(r), list(r)[:5], r.start, r.stop, r.step)
t(lambda: range(1, 2, 0))
t(lambda: range(1.5))
t(lambda: range())
t(lambda: range(1, 2, 3, 4))
t(lambda: range("3"))
r = range(3, 30, 4)
t(lambda: (r[0], r[-1], r[2], r[-7]))
t(lambda: r[7])
t(lambda: r[-8])
t(lambda: r[1:4])
t(lambda: r[::-1])
t(lambda: r[::2])
t(lambda: r[100:])
t(lambda: r["a"])
t(lambda: (7 in r, 8 in r, 7.0 in r, "7" in r, 31 in r))
t(lambda: (r.index(11), r.count(11), r.count(12)))
t(lambda: r.index(12))
t(lambda: range(0, 10**30)[10**29])
t(lambda: len(range(0, 10**30)))
t(lambda: range(0, 10**30).__len__())
t(lambda: range(5) == range(0, 5, 1))
t(lambda: range(0) == range(5, 5))
t(lambda: range(0, 3, 2) == range(0, 4, 2))
t(lambda: range(3) < range(4))
t(lambda: hash(range(3)) == hash(range(0, 3)))
t(lambda: list(reversed(range(1, 10, 3))))
t(lambda: bool(range(0)))
class I:
    def __index__(self):
        return 4
t(lambda: range(I()))
t(lambda: list(range(I(), 8)))
t(lambda: range(True, 3))
