# deque.__reduce__ carries __dict__ and __slots__ values (its
# __getstate__()), and copies made through a subclass must be deques.
import copy
import pickle
from collections import deque


class WithSlots(deque):
    __slots__ = ('x', 'y', '__dict__')


class Plain(deque):
    pass


for cls in (deque, Plain, WithSlots):
    for d in (cls('abc'), cls('abcde', maxlen=4)):
        if cls is not deque:
            d.x = ['x']
            d.z = 'z'
        r = d.__reduce__()
        print(cls.__name__, r[0].__name__, r[1], r[2] if cls is not WithSlots else (r[2][0], sorted(r[2][1])))
        for proto in range(pickle.HIGHEST_PROTOCOL + 1):
            e = pickle.loads(pickle.dumps(d, proto))
            print(type(e).__name__, list(e), e.maxlen, getattr(e, 'x', None), getattr(e, 'z', None))
        c = copy.copy(d)
        print(type(c).__name__, list(c), getattr(c, 'x', None))


class Bad(deque):
    pass


b = Bad([1, 2])
Bad.__new__ = lambda cls, *a, **k: [42]
for op in (lambda: b * 2, lambda: b + deque([3]), lambda: b.copy()):
    try:
        op()
    except TypeError as e:
        print(type(e).__name__, e)
