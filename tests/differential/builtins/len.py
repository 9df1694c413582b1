# len() on builtins and custom __len__
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for obj in ["", "abc", "😀", b"ab", bytearray(3), [], [1, 2], (), (1,), {}, {1: 2}, set(), frozenset([1, 2]), range(10), range(0, 100, 7), memoryview(b"abc"), {}.keys(), {1: 2}.items()]:
    print(type(obj).__name__, len(obj))
t(lambda: len(5))
t(lambda: len(None))
t(lambda: len(iter([])))
t(lambda: len((x for x in [])))
t(lambda: len())
class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
t(lambda: len(L(3)))
t(lambda: len(L(-1)))
t(lambda: len(L(2**63)))
t(lambda: len(L(2**63 - 1)))
t(lambda: len(L(3.0)))
t(lambda: len(L("x")))
t(lambda: len(L(True)))
class I:
    def __index__(self):
        return 7
t(lambda: len(L(I())))
class NoLen:
    pass
t(lambda: len(NoLen()))
class ClassLen:
    __len__ = lambda self: 11
t(lambda: len(ClassLen()))
o = NoLen()
o.__len__ = lambda: 5
t(lambda: len(o))
t(lambda: len(range(2**64)))
