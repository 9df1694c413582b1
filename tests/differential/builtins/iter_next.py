# iter() and next(): sequences, sentinel form, defaults, errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

it = iter([1, 2])
t(lambda: next(it))
t(lambda: next(it))
t(lambda: next(it))
t(lambda: next(it, "default"))
t(lambda: next([1]))
t(lambda: iter(5))
t(lambda: iter(None))
t(lambda: next(iter(()), None))
t(lambda: iter(it) is it)
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
t(lambda: list(iter(Seq())))
t(lambda: 20 in Seq())
t(lambda: list(Seq()))
n = [0]
def counter():
    n[0] += 1
    return n[0]
t(lambda: list(iter(counter, 4)))
t(lambda: iter(5, 1))
t(lambda: iter(counter, 1, 2))
class BadIter:
    def __iter__(self):
        return 5
t(lambda: iter(BadIter()))
class NoNext:
    def __iter__(self):
        return self
t(lambda: iter(NoNext()))
class Counter:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
t(lambda: list(Counter()))
t(lambda: next(Counter(), "x"))
class IterNone:
    __iter__ = None
t(lambda: iter(IterNone()))
t(lambda: type(iter([])).__name__)
t(lambda: type(iter(())).__name__)
t(lambda: type(iter("")).__name__)
t(lambda: type(iter({})).__name__)
t(lambda: type(iter(range(3))).__name__)
t(lambda: type(iter(Seq())).__name__)
t(lambda: type(iter(counter, 0)).__name__)
r = iter(range(5))
next(r)
t(lambda: r.__length_hint__())
t(lambda: list(r))
