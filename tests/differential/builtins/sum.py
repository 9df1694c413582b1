# sum(): start values, types, errors, float precision
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: sum([]))
t(lambda: sum([1, 2, 3]))
t(lambda: sum([1, 2, 3], 10))
t(lambda: sum([1, 2], start=5))
t(lambda: sum(range(1001)))
t(lambda: sum([0.1] * 10))
t(lambda: sum([1, 2.5, True]))
t(lambda: sum([1e308, 1e308, -1e308]))
t(lambda: sum([[1], [2, 3]], []))
t(lambda: sum([(1,), (2,)], ()))
t(lambda: sum(["a", "b"], ""))
t(lambda: sum(["a", "b"]))
t(lambda: sum([b"a"], b""))
t(lambda: sum([bytearray(b"a")], bytearray()))
t(lambda: sum([1, "a"]))
t(lambda: sum(5))
t(lambda: sum([1j, 2, 3.5]))
t(lambda: sum([2**64, 2**64]))
t(lambda: sum(x * x for x in range(10)))
t(lambda: sum([1, 2], 3, 4))
t(lambda: sum([], start=[]))
t(lambda: sum([[1]], start=()))
class V:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return V(self.v + (o.v if isinstance(o, V) else o))
    def __radd__(self, o):
        return V(o + self.v)
t(lambda: sum([V(1), V(2), V(3)]).v)
t(lambda: sum([V(1)], V(10)).v)
t(lambda: sum([float("inf"), 1.0]))
t(lambda: sum([float("inf"), float("-inf")]))
t(lambda: sum([1, 2**62, 2**62, 2**62]))
