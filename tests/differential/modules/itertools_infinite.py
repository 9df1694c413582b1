# itertools: count/cycle/repeat iteration, __length_hint__, __reduce__/__setstate__ round trips
import itertools as it
def rt(x, n=5):
    r = x.__reduce__()
    y = r[0](*r[1])
    if len(r) > 2 and r[2] is not None:
        y.__setstate__(r[2])
    return list(it.islice(y, n))
c = it.count(3, 2); next(c); print(c.__reduce__(), rt(c))
c = it.count(1.5); next(c); print(c.__reduce__(), rt(c))
cy = it.cycle('abc'); print([next(cy) for _ in range(2)], rt(cy, 7))
print([next(cy) for _ in range(3)], rt(cy, 7), [next(cy) for _ in range(2)], rt(cy, 7))
cy = it.cycle([]); print(list(cy))
cy = it.cycle(iter([1, 2])); print([next(cy) for _ in range(5)])
cy = it.cycle([1, 2]); cy.__setstate__(([7, 8, 9], 1)); print([next(cy) for _ in range(6)])
cy = it.cycle([1, 2]); cy.__setstate__(([7, 8, 9], 0)); print([next(cy) for _ in range(6)])
for s in [1, (1,), ([1], 'x'), ((1,), 0)]:
    try: it.cycle([]).__setstate__(s)
    except Exception as e: print(type(e).__name__, e)
r = it.repeat('x', 3); print(r.__length_hint__(), next(r), r.__length_hint__(), r.__reduce__(), list(r), r.__length_hint__(), r.__reduce__(), repr(r))
r = it.repeat(None); print([next(r) for _ in range(3)], r.__reduce__())
print(list(it.repeat(1, 0)), list(it.repeat(1, times=2)), list(map(pow, range(4), it.repeat(2))))
class C(it.count):
    def __next__(self): return super().__next__() * 10
c = C(1); print(next(c), next(c), repr(c), type(c).__name__)
class Cy(it.cycle):
    def __init__(self, it, extra=None): self.extra = extra
cy = Cy([1, 2], extra=5); print(cy.extra, [next(cy) for _ in range(3)])
print(list(zip(it.count(), 'abc')), list(zip(it.count(10, -3), range(3))))
print(it.count.__name__, it.count.__module__, type(iter(it.count())) is it.count)
print(list(it.islice(it.count(1j, 1j), 3)))
