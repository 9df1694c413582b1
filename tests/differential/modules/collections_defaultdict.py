# _collections.defaultdict: factory checks, __missing__, repr (recursion), copy, __reduce__, | and |=, default_factory attribute; _count_elements; _tuplegetter
from _collections import defaultdict, _count_elements, _tuplegetter
try: defaultdict(1)
except TypeError as e: print(e)
dd = defaultdict(list, a=1); print(dd, dd.__reduce__()[:4], list(dd.__reduce__()[4]), dd.copy(), dd | {'b': 2}, {'c': 3} | dd, type({'c': 3} | dd).__name__)
dd['x'].append(5); print(dd, dd['x'], len(dd), 'y' in dd, dd.get('y'), dd)
dd.default_factory = dd; print(dd)
dd2 = defaultdict(); print(dd2, dd2.default_factory, dd2.__reduce__()[1])
try: dd2[1]
except KeyError as e: print('KeyError', e)
try: dd2.__missing__((1, 2))
except KeyError as e: print('KeyError', e)
del dd.default_factory; print(dd.default_factory)
dd = defaultdict(int); dd[1] += 1; print(dd); print(dd.__missing__(5)); print(dd)
try: dd | 1
except TypeError as e: print(type(e).__name__)
dd |= {'z': 0}; print(dd, type(dd).__name__)
dd = defaultdict(None, [(1, 2)], b=3); print(dd, isinstance(dd, dict), defaultdict.__mro__[1].__name__)
class DD(defaultdict):
    def __missing__(self, k): return 'sub-' + str(k)
s = DD(int); print(s[3], s, repr(s))
c = defaultdict(lambda: 'v'); c2 = c.__copy__(); print(c2['q'], c2.default_factory is c.default_factory, 'q' in c)
print(defaultdict(list, {1: [2]}) == {1: [2]}, defaultdict.__name__, defaultdict.__module__)
class K(list): pass
k = defaultdict(K); k[0].append(1); print(type(k[0]).__name__, k)
m = {}; _count_elements(m, 'abracadabra'); print(m)
_count_elements(m, ['a', 'z']); print(m)
class Cnt(dict):
    def __setitem__(self, k, v): print('set', k, v); super().__setitem__(k, v)
c = Cnt(); _count_elements(c, 'aab'); print(c)
for a in [(), ({},), ({}, 1), (1, 'a')]:
    try: _count_elements(*a)
    except Exception as e: print(type(e).__name__, e)
for a in [(), (1,), ('a', 'doc'), (1, 'doc')]:
    try: g = _tuplegetter(*a); print(g.__reduce__(), g.__doc__)
    except Exception as e: print(type(e).__name__, e)
g = _tuplegetter(1, 'doc')
class P(tuple): x = g
p = P((1, 2)); print(p.x, P.x is g)
try: P((1,)).x
except Exception as e: print(type(e).__name__, e)
try: g.__get__([1, 2])
except Exception as e: print(type(e).__name__, e)
try: p.x = 3
except Exception as e: print(type(e).__name__, e)
try: del p.x
except Exception as e: print(type(e).__name__, e)
g.__doc__ = 'new'; print(g.__doc__, g.__get__(None, P) is g, g.__get__((5, 6)))
try: _tuplegetter(-1, None).__get__((1, 2))
except IndexError as e: print(e)
