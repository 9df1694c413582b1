# _heapq: push/pop/replace/pushpop/heapify and the _max variants, against a sorted reference; argument and empty-heap errors; comparison order
import _heapq as h
print(sorted(n for n in dir(h) if not n.startswith('__')))
for f in [h.heappush, h.heappop, h.heapify, h.heapreplace, h.heappushpop, h._heappop_max, h._heapify_max, h._heapreplace_max]:
    print(f.__name__)
    for a in [(), ((),), ([],), ((), 1), ([], 1), ([1], 1, 2)]:
        try: print(' ', f(*a))
        except Exception as e: print(' ', type(e).__name__, e)
    try: f(heap=[])
    except Exception as e: print(' ', type(e).__name__, e)
data = [(i * 7919) % 101 for i in range(60)]
heap = []
for x in data:
    h.heappush(heap, x)
print(heap)
print([h.heappop(heap) for _ in range(len(heap))] == sorted(data))
heap = data[:]; h.heapify(heap); print(heap)
print(h.heapreplace(heap, 50), heap[:10], h.heappushpop(heap, -1), h.heappushpop(heap, 1000), heap[:10])
mx = data[:]; h._heapify_max(mx); print(mx[:10], h._heappop_max(mx), h._heapreplace_max(mx, -5), mx[:10])
out = []
while mx: out.append(h._heappop_max(mx))
print(out == sorted(data[:-1] + [-5], reverse=True)[:len(out)], len(out))
print(h.heappushpop([], 3), h.heappushpop([5], 3), h.heappushpop([1], 3))
log = []
class C:
    def __init__(self, v): self.v = v
    def __lt__(self, o): log.append((self.v, o.v)); return self.v < o.v
    def __repr__(self): return 'C%d' % self.v
hp = [C(v) for v in [5, 3, 8, 1, 9, 2]]; h.heapify(hp); print(hp, log); log.clear()
h.heappush(hp, C(0)); print(hp, log); log.clear()
print(h.heappop(hp), hp, log); log.clear()
mh = [C(v) for v in [5, 3, 8, 1, 9, 2]]; h._heapify_max(mh); print(mh, log)
class Bad:
    def __init__(self, l): self.l = l
    def __lt__(self, o): self.l.clear(); return True
l = [1, 2, 3]; l.append(Bad(l))
try: h.heapify(l)
except Exception as e: print(type(e).__name__, e)
l = [0]; l.append(Bad(l))
try: h.heappush(l, Bad(l))
except Exception as e: print(type(e).__name__, e)
try: h.heappush([1, 'a'], 2)
except TypeError as e: print(e)
class L(list): pass
lh = L([3, 1, 2]); h.heapify(lh); print(lh, type(lh).__name__, h.heappop(lh), lh)
print(h.heappop([7]), h.heapreplace([1], 9))
t = [(2, 'b'), (1, 'z'), (1, 'a')]; h.heapify(t); print([h.heappop(t) for _ in range(3)])
