# _collections.deque: construction, maxlen, every method, indexing, errors, repr (with recursion), comparisons, copy, __reduce__
from _collections import deque
def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__name__, e)
t(deque, [1], -1); t(deque, [1], 'a'); t(deque, [1], 2, 3); t(deque, x=1); t(deque, maxlen=2.0); t(deque, iterable=[1, 2, 3], maxlen=2)
t(deque, 'abc', None); t(deque, range(10), 0); t(deque); t(deque, 5)
d = deque([1, 2, 3])
t(d.pop); t(deque().pop); t(deque().popleft); t(d.index, 9); t(d.index, 2, 0, 1); t(d.remove, 9); t(d.insert, 1); t(deque([1], 1).insert, 0, 2)
t(d.__add__, [1]); t(d.__mul__, 'a'); t(d.rotate, 'a'); t(d.rotate, 1, 2); t(d.count); t(d.append); t(d.extend, 1)
t(deque([1], 2).__reduce__().__getitem__, slice(0, 3)); t(d.__copy__); t(iter(d).__length_hint__)
for k in [5, -4, 'a', slice(1)]:
    try: print(d[k])
    except Exception as e: print(type(e).__name__, e)
    try: d[k] = 0
    except Exception as e: print(type(e).__name__, e)
    try: del d[k]
    except Exception as e: print(type(e).__name__, e)
d = deque(range(5)); print(d[0], d[-1], d[2]); d[1] = 'x'; del d[-2]; print(d, len(d), bool(d), bool(deque()))
d = deque(maxlen=3)
for i in range(5): d.append(i)
print(d, d.maxlen); d.appendleft('L'); print(d); d.extend('ab'); print(d); d.extendleft('xy'); print(d)
d = deque([1, 2, 3, 4, 5]); d.rotate(); print(d); d.rotate(-2); print(d); d.rotate(12); print(d); d.rotate(0); print(d)
d.reverse(); print(d); d.clear(); print(d, d.maxlen)
d = deque('abcab'); print(d.count('a'), d.count('z'), d.index('b'), d.index('b', 2), d.index('a', -2), d.index('a', -100, 100))
try: d.index('c', 0, 2)
except ValueError as e: print(e)
d.remove('b'); print(d); d.insert(0, 'S'); d.insert(100, 'E'); d.insert(-1, 'M'); d.insert(-100, 'F'); print(d)
d = deque([1, 2]); d.extend(d); print(d); d.extendleft(d); print(d)
d = deque([1, 2], maxlen=3); d += [3, 4]; print(d); d *= 2; print(d); print(d * 0, 0 * d, d + deque([9]), deque([1, 2]) * 3)
e = deque([1, 2, 3], maxlen=4); e *= 3; print(e)
e = deque([1, 2]); r = e; e *= 1; print(e is r, e)
z = deque([1], maxlen=0); z.append(1); z.extend([2]); z.appendleft(3); print(z, z.maxlen)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) < deque([1, 3]), deque([1]) <= deque([1]), deque([2]) > deque([1, 5]), deque([1]) == [1], deque() != deque([0]))
try: deque([1]) < [1]
except TypeError as e: print(type(e).__name__)
a = deque([1]); a.append(a); print(a, repr(deque([[]], maxlen=5)))
class D(deque): pass
x = D('ab', 3); print(repr(x), x.copy(), type(x.copy()).__name__, type(x + deque('c')).__name__, x.__reduce__()[:3])
x.attr = 1; print(x.__reduce__()[2])
c = deque([[1]], 5).copy(); print(c, c.maxlen)
r = deque('xyz', 4).__reduce__(); print(r[0], r[1], r[2], list(r[3]))
print(deque[int], 'a' in deque('abc'), 'q' in deque('abc'), deque.__hash__ is None)
d = deque('abc'); d2 = deque(d); print(d2, d2 is d, deque(iter('xy')))
d.__init__([7]); print(d); d.__init__('pq', 1); print(d, d.maxlen)
class Eq:
    def __init__(self, d): self.d = d
    def __eq__(self, o): self.d.append(0); return False
d = deque([1, 2, 3]); d.append(Eq(d))
for f in (d.count, d.index, d.remove, d.__contains__):
    try: print(f(5))
    except Exception as e: print(type(e).__name__, e)
