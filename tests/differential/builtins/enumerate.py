# enumerate(): start values, laziness, errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: list(enumerate("abc")))
t(lambda: list(enumerate("abc", 1)))
t(lambda: list(enumerate("abc", start=-2)))
t(lambda: list(enumerate("ab", 2**70)))
t(lambda: list(enumerate([])))
t(lambda: enumerate(5))
t(lambda: enumerate("a", "b"))
t(lambda: enumerate("a", 1.5))
t(lambda: enumerate())
t(lambda: enumerate(iterable="ab", start=3).__next__())
e = enumerate(x * 2 for x in range(3))
t(lambda: next(e))
t(lambda: list(e))
t(lambda: next(e))
t(lambda: type(enumerate("")).__name__)
t(lambda: dict(enumerate("xyz")))
for i, (a, b) in enumerate(zip("ab", "cd"), 10):
    print(i, a, b)
class I:
    def __index__(self):
        return 5
t(lambda: list(enumerate("a", I())))
t(lambda: iter(enumerate("a")) is not None)
