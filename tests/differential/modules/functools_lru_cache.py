# _functools._lru_cache_wrapper: unbounded/bounded/uncached, typed keys, keyword keys, cache_info/cache_clear, eviction order, binding, re-entrancy; cmp_to_key
import _functools as f
W = f._lru_cache_wrapper
def info(*a): return ('CI',) + a
calls = []
def g(x, y=1):
    calls.append((x, y))
    return x + y
c = W(g, 2, False, info); print(c(1), c(1), c(2), c(3), c(1), c.cache_info(), calls)
print([n for n in dir(c) if not n.startswith('__')], type(c).__name__, c.__dict__)
c.cache_clear(); print(c.cache_info())
for args in [(), (g,), (g, 1), (g, 1, 0), (1, 1, 0, info), (g, 'a', 0, info), (g, -1, 0, info), (g, 2.5, 0, info)]:
    try: x = W(*args); print('ok', x(5), x.cache_info())
    except Exception as e: print(type(e).__name__, e)
c = W(g, None, True, info); print(c(1), c(1.0), c(1), c(x=1), c(1, y=1), c(y=1, x=1), c(x=1, y=1), c.cache_info())
c = W(g, None, False, info); print(c(1), c(1.0), c(True), c('a', 'b'), c('a', y='b'), c.cache_info())
c = W(g, 0, False, info); print(c(1), c(1), c.cache_info())
calls.clear()
c = W(g, 3, False, info)
for x in [1, 2, 3, 1, 4, 2, 5, 1, 3]:
    c(x)
print(calls, c.cache_info())
class A:
    m = W(lambda self, x: x * 2, 10, False, info)
a = A(); print(a.m(3), a.m(3), A.m.cache_info(), A.m is A.__dict__['m'])
try: c(1, 2, 3)
except Exception as e: print(type(e).__name__, e)
try: c([1])
except Exception as e: print(type(e).__name__, e)
print(c.__copy__() is c, c.__deepcopy__(None) is c)
c.__qualname__ = 'qn'; print(c.__reduce__(), c.__dict__)
def boom(x): raise ValueError(x)
b = W(boom, 5, False, info)
try: b(1)
except ValueError as e: print('ValueError', e, b.cache_info())
depth = []
def rec(n):
    depth.append(n)
    return n if n < 2 else r(n - 1) + r(n - 2)
r = W(rec, 4, False, info); print(r(10), len(depth), r.cache_info())
r = W(rec, None, False, info); depth.clear(); print(r(30), len(depth), r.cache_info())
class Key:
    def __init__(self, v): self.v = v
    def __hash__(self): return 1
    def __eq__(self, o): return isinstance(o, Key) and self.v == o.v
k = W(lambda k: k.v, 2, False, info); print(k(Key(1)), k(Key(1)), k(Key(2)), k.cache_info())
K = f.cmp_to_key(lambda a, b: (a > b) - (a < b)); k3 = K(3); print(type(K).__name__, type(k3).__name__, k3.obj)
print(K(1) < K(2), K(1) == K(1), K(2) >= K(3), K(2) != K(2), K(5) > K(4), K(4) <= K(4))
try: hash(K(1))
except TypeError: print('unhashable')
for thunk in (lambda: K(1) < 2, lambda: K(), lambda: f.cmp_to_key(), lambda: K(1, 2)):
    try: print(thunk())
    except Exception as e: print(type(e).__name__, e)
print(sorted([3, 1, 2], key=K), sorted('bca', key=f.cmp_to_key(mycmp=lambda a, b: -1 if a > b else 1)))
k3.obj = 'changed'; print(k3.obj)
rev = f.cmp_to_key(lambda a, b: b - a); print(sorted(range(5), key=rev), max(range(5), key=rev))
