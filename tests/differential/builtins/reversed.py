# reversed(): sequences, __reversed__, errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: list(reversed([1, 2, 3])))
t(lambda: list(reversed("abc")))
t(lambda: list(reversed((1, 2))))
t(lambda: list(reversed(range(1, 10, 4))))
t(lambda: list(reversed({1: 2, 3: 4})))
t(lambda: list(reversed(b"ab")))
t(lambda: reversed({1, 2}))
t(lambda: reversed(iter([1])))
t(lambda: reversed(5))
t(lambda: reversed(x for x in []))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return "item%d" % i
t(lambda: list(reversed(Seq())))
class R:
    def __reversed__(self):
        return iter("custom")
t(lambda: list(reversed(R())))
class NoRev:
    __reversed__ = None
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return i
t(lambda: reversed(NoRev()))
r = reversed([1, 2, 3])
t(lambda: next(r))
t(lambda: r.__length_hint__())
t(lambda: list(r))
t(lambda: type(reversed([])).__name__)
t(lambda: type(reversed("")).__name__)
L = [1, 2, 3]
rv = reversed(L)
L.append(4)
t(lambda: list(rv))
L2 = [1, 2, 3]
rv2 = reversed(L2)
L2.clear()
t(lambda: list(rv2))
