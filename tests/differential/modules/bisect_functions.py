# _bisect: bisect_left/right and insort_left/right with lo/hi/key, errors, non-list sequences, comparison order
import _bisect as b
print(sorted(n for n in dir(b) if not n.startswith('__')))
for f in [b.bisect_left, b.bisect_right, b.insort_left, b.insort_right]:
    print(f.__name__)
    for a, k in [((), {}), (([],), {}), (([1], 1), {}), (([1], 1, -1), {}), (([1], 1, 0, -5), {}), (([1], 1, 'a'), {}), (([1], 1), {'key': 1}), ((1, 1), {}), (([1], 1), {'lo': 2}), (([1, 2, 3], 2), {'hi': 100}), (([1, 3], 2), {'key': abs}), (([1], 1, 0, 1, None, 4), {}), (([1], 1), {'x': 1}), (([1], 1, 0, None, 5), {}), (([1], 1, 1.0), {}), (([1], 1, 0, 2**70), {}), (([1], 1, 0, 1), {'key': None, 'x': 2}), ((), {'a': [1], 'x': 1, 'lo': 0, 'hi': 1, 'key': None, 'z': 1}), (([1], 1), {'y': 2})]:
        l = a[0] if a else None
        try: print(' ', f(*a, **k), l)
        except Exception as e: print(' ', type(e).__name__, e)
a = [1, 2, 2, 2, 3, 5, 8]
for x in [0, 1, 2, 3, 4, 8, 9]:
    print(x, b.bisect_left(a, x), b.bisect_right(a, x), b.bisect_left(a, x, 2), b.bisect_right(a, x, 0, 3), b.bisect_left(a, x, hi=4), b.bisect_right(a, x, lo=1, hi=None))
recs = [('a', 1), ('b', 3), ('c', 3), ('d', 7)]
key = lambda r: r[1]
print(b.bisect_left(recs, 3, key=key), b.bisect_right(recs, 3, key=key), b.bisect_left(recs, 0, key=key), b.bisect_right(recs, 10, key=key))
b.insort_left(recs, ('x', 3), key=key); b.insort_right(recs, ('y', 3), key=key); b.insort(recs, ('z', 0), key=key) if hasattr(b, 'insort') else None; print(recs)
l = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    b.insort_right(l, x)
print(l)
l = []
for x in [3.0, 3, True, 1, 1.0]:
    b.insort_left(l, x)
print(l)
l = []
for x in [3.0, 3, True, 1, 1.0]:
    b.insort_right(l, x)
print(l)
print(b.bisect_left('acegi', 'f'), b.bisect_right((1, 2, 3), 2), b.bisect_left(range(0, 100, 5), 42), b.bisect_right(range(10), 3, key=lambda v: -v) if False else '')
class Seq:
    def __init__(self): self.d = [10, 20, 30]; self.ins = []
    def __len__(self): return len(self.d)
    def __getitem__(self, i): return self.d[i]
    def insert(self, i, x): self.ins.append((i, x)); self.d.insert(i, x)
s = Seq(); b.insort_left(s, 25); b.insort_right(s, 10); print(s.d, s.ins, b.bisect_left(s, 30))
class L(list):
    def insert(self, i, x): print('L.insert', i, x); super().insert(i, x)
ll = L([1, 3]); b.insort_left(ll, 2); print(ll)
log = []
class C:
    def __init__(self, v): self.v = v
    def __lt__(self, o): log.append((self.v, getattr(o, 'v', o))); return self.v < getattr(o, 'v', o)
    def __repr__(self): return 'C%d' % self.v
cs = [C(v) for v in range(0, 20, 2)]
print(b.bisect_left(cs, C(7)), log); log.clear()
print(b.bisect_right(cs, C(8)), log); log.clear()
try: b.bisect_left([1, 'a', 3], 2)
except TypeError as e: print(e)
