# _functools.partial calls: stored positionals/keywords merged with the call's, subclass __call__, use as key/map function, non-str keywords
import _functools as f
def g(*a, **k): return a, k
p = f.partial(g, 1)
print(p(2), p(2, x=3), p(), f.partial(g, 1, y=2)(3, x=4), f.partial(g, y=2)(y=5))
class P(f.partial):
    def __call__(self, *a, **k): return ('sub', super().__call__(*a, **k))
print(P(g, 1)(2, z=1), list(map(f.partial(g, 0), [1, 2])), sorted([3, 1], key=f.partial(lambda a, b: -b, 0)))
t = f.partial(max, 0)
s = 0
for i in range(200000): s += t(i)
print(s)
try: f.partial(g)(**{1: 2})
except TypeError as e: print(e)
