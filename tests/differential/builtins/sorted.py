# sorted(): stability, key, reverse, iterables, errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: sorted([]))
t(lambda: sorted("hello"))
t(lambda: sorted((3, 1, 2), reverse=True))
t(lambda: sorted({3: "a", 1: "b"}))
t(lambda: sorted({5, 3, 9}))
t(lambda: sorted(range(10), key=lambda x: (x % 3, -x)))
t(lambda: sorted(["bb", "a", "ccc", "dd"], key=len))
t(lambda: sorted(["bb", "a", "ccc", "dd"], key=len, reverse=True))
t(lambda: sorted([[3], [1, 2], [1]]))
t(lambda: sorted([1, 2], key=None))
t(lambda: sorted(5))
t(lambda: sorted([1, None]))
t(lambda: sorted([1, 2], 3))
t(lambda: sorted(iterable=[1]))
t(lambda: sorted([1, 2], cmp=None))
t(lambda: sorted([0.5, -1, 3, True, False]))
t(lambda: sorted([(1, "b"), (1, "a"), (0, "z")]))
t(lambda: sorted(x * x for x in range(-3, 3)))
t(lambda: sorted([3, 1, 2]).__class__.__name__)
t(lambda: sorted(["B", "a", "C"], key=str.lower))
t(lambda: sorted([1, 2, 3], key=lambda x: 1 / (x - 2)))
class Rev:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v > o.v
t(lambda: [r.v for r in sorted([Rev(1), Rev(3), Rev(2)])])
class GtOnly:
    def __init__(self, v):
        self.v = v
    def __gt__(self, o):
        return self.v > o.v
t(lambda: [r.v for r in sorted([GtOnly(2), GtOnly(1)])])
x = [5, 4, 3]
y = sorted(x)
t(lambda: (x, y, x is y))
