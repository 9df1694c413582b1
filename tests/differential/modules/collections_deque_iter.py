# _collections: deque iterators and reversed iterators, mutation detection, __length_hint__, __reduce__, direct construction
import _collections as C
from _collections import deque
d = deque([1, 2, 3]); it = iter(d); next(it); d.rotate()
try: next(it)
except RuntimeError as e: print('rot', e)
try: print(list(it))
except RuntimeError as e: print('again', e)
d = deque([1, 2, 3]); it = iter(d); next(it); d.reverse(); print('rev', list(it))
d = deque([1, 2, 3]); it = iter(d); next(it); d[0] = 5; print('set', list(it))
for m in ('append', 'appendleft'):
    d = deque([1, 2, 3]); it = iter(d); next(it); getattr(d, m)(9)
    try: next(it)
    except RuntimeError as e: print(m, e)
for m in ('pop', 'popleft', 'clear'):
    d = deque([1, 2, 3]); it = reversed(d); next(it); getattr(d, m)()
    try: next(it)
    except RuntimeError as e: print(m, e)
d = deque('abcde'); it = iter(d); print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
r = reversed(d); print(type(r).__name__, next(r), r.__length_hint__(), list(r))
it = iter(d); next(it); next(it); rr = it.__reduce__(); print(rr[0].__name__, rr[1][1], list(rr[0](*rr[1])))
it = reversed(d); next(it); rr = it.__reduce__(); print(rr[0].__name__, rr[1][1], list(rr[0](*rr[1])))
I, R = C._deque_iterator, C._deque_reverse_iterator
for cls in (I, R):
    for a in [(), ([],), (deque([1, 2, 3]), 2), (deque([1, 2]), 5), (deque([1]), 'a'), (deque('xyz'),)]:
        try: print(list(cls(*a)))
        except Exception as e: print(type(e).__name__, e)
print(I.__module__, I.__name__, type(iter(deque())) is I, type(reversed(deque())) is R)
try:
    class X(I): pass
except TypeError as e: print(e)
d = deque(range(10), maxlen=5); print(list(reversed(d)), list(d), sum(d))
