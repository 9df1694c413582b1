# itertools: groupby/_grouper (invalidation, reduce/setstate), tee/_tee/_tee_dataobject (copies, tee of a tee, re-entry)
import itertools as it
print([(k, list(g)) for k, g in it.groupby('aaabbcaa')])
print([(k, list(g)) for k, g in it.groupby([1, 2, 3, 4, 5, 6], key=lambda x: x // 3)])
print([k for k, g in it.groupby([])], [k for k, g in it.groupby('abba', None)])
g = it.groupby('aabbb'); k1, g1 = next(g); k2, g2 = next(g); print(k1, list(g1), k2, list(g2), list(g))
g = it.groupby('aabbb'); k1, g1 = next(g); print(next(g1)); k2, g2 = next(g); print(list(g1), next(g2), list(g2))
g = it.groupby('xxyy'); k, gr = next(g); print(gr.__reduce__()[0].__name__, gr.__reduce__()[1][1]); next(g); r = gr.__reduce__(); print(r[0].__name__, r[1])
g = it.groupby('aabbc'); next(g); r = g.__reduce__(); print(r[1][1], r[2])
g2 = r[0](*r[1]); g2.__setstate__(r[2]); print([(k, list(v)) for k, v in g2])
g = it.groupby('aab'); print(g.__reduce__()[1][1:], len(g.__reduce__()))
for s in [1, (1, 2)]:
    try: g.__setstate__(s)
    except Exception as e: print(type(e).__name__, e)
g = it.groupby('aabbc'); G = type(next(g)[1])
for args in [(), (1, 2)]:
    try: G(*args)
    except Exception as e: print(type(e).__name__, e)
print(G.__name__, G.__module__, list(G(g, 'b')))
class K:
    def __init__(self, v): self.v = v
    def __eq__(self, o): raise RuntimeError('eq')
g = it.groupby([K(1), K(2)]); k, gr = next(g); print(type(k).__name__)
try: next(g)
except RuntimeError as e: print('RuntimeError', e)
try:
    class X(G): pass
except TypeError as e: print(e)
class GB(it.groupby): pass
print([k for k, _ in GB('aab')])
a, b = it.tee(range(5)); print(next(a), next(a), list(b), list(a))
print(it.tee('abc', 0), len(it.tee('abc', 5)), [list(x) for x in it.tee('ab', 3)])
a, b = it.tee(iter(range(200))); print(sum(a), sum(b))
a, = it.tee([1, 2], 1); print(type(a).__name__, list(a))
a, b = it.tee([1, 2, 3]); c, d = it.tee(a); print(type(c) is type(a), list(c), list(d), list(b), list(a))
a, b = it.tee('xyz'); next(a); c = a.__copy__(); print(list(c), list(a), list(b))
T = type(a); t = T('pqr'); print(list(t), list(T(iter('ab'))))
x = T([1, 2]); y = T(x); print(y is x, list(y), list(x))
a, b = it.tee(range(100)); [next(a) for _ in range(60)]; r = a.__reduce__(); print(r[1], r[2][1], type(r[2][0]).__name__)
d = r[2][0]; dr = d.__reduce__(); print(dr[1][1], dr[1][2])
n = r[0](*r[1]); n.__setstate__(r[2]); print(list(n)[:5])
for s in [1, (d,), (d, -1), (d, 58), (1, 0)]:
    try: a.__setstate__(s)
    except Exception as e: print(type(e).__name__, e)
D = type(d)
for args in [(), (iter([]), (), None), (iter([]), [1] * 58, None), (iter([]), [], 5), (iter([]), [1], d)]:
    try: D(*args)
    except Exception as e: print(type(e).__name__, e)
x = D(iter('abc'), ['q'], None); t = T([]); t.__setstate__((x, 0)); print(list(t))
def g():
    yield next(a2)
a2, b2 = it.tee(g())
try: next(a2)
except RuntimeError as e: print('RuntimeError', e)
class WithCopy:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self): self.n += 1; return self.n
    def __copy__(self): return 'copied'
print(it.tee(WithCopy(), 3)[1:])
try: it.tee([1], 'x')
except TypeError as e: print(e)
