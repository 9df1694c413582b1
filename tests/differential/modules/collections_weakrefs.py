# weak references to deque, partial, _lru_cache_wrapper and _tee (callbacks run when the referent dies); chain and KeyWrapper refuse them
import _weakref, gc, itertools, _functools
from _collections import deque
for make in (lambda: deque([1]), lambda: _functools.partial(max, 1), lambda: _functools._lru_cache_wrapper(len, 1, False, tuple), lambda: itertools.tee([1])[0]):
    o = make()
    r = _weakref.ref(o, lambda w: print('callback'))
    print(type(o).__name__, r() is o)
    del o
    print(r())
for t in (itertools.chain, _functools.cmp_to_key(len)):
    try: _weakref.ref(t([]) if t is itertools.chain else t)
    except TypeError as e: print('TypeError')
