# list.sort with comparisons that lie, raise, or mutate the list: never a
# crash, always a permutation; only __lt__ is used; mutation is detected.
class Liar:
    n = 0
    def __init__(self, v): self.v = v
    def __lt__(self, other):
        Liar.n += 1
        return (Liar.n * 7919 + self.v) % 3 == 0
    def __repr__(self): return "L%d" % self.v

for size in [0, 1, 2, 5, 31, 32, 33, 64, 100, 257]:
    xs = [Liar(i) for i in range(size)]
    xs.sort()
    print(size, sorted(x.v for x in xs) == list(range(size)))

class OnlyLt:
    def __init__(self, v): self.v = v
    def __lt__(self, other): return self.v < other.v
data = [OnlyLt(v) for v in [5, 3, 9, 1, 3, 7, 5, 0] * 9]
data.sort()
print([d.v for d in data][:12])
data.sort(reverse=True)
print([d.v for d in data][:12])

# Stability, forwards and reversed.
pairs = [(i % 5, i) for i in range(60)]
print(sorted(pairs, key=lambda p: p[0])[:8])
print(sorted(pairs, key=lambda p: p[0], reverse=True)[:8])

class Boom:
    def __init__(self, v): self.v = v
    def __lt__(self, other):
        if self.v == 13 or other.v == 13:
            raise ValueError("boom")
        return self.v < other.v
xs = [Boom(v) for v in range(40, 0, -1)]
try:
    xs.sort()
except ValueError as e:
    print(type(e).__name__, e, sorted(x.v for x in xs) == list(range(1, 41)))

# Mutation during the sort is detected, even when undone.
L = [3, 1, 2]
def k1(x):
    L.append(0)
    L.pop()
    return x
try:
    L.sort(key=k1)
except ValueError as e:
    print(type(e).__name__, e)
print(sorted(L))
L = list(range(10))
def k2(x):
    del L[:]
    L[:] = range(20)
    return x
try:
    L.sort(key=k2)
except ValueError as e:
    print(type(e).__name__, e)
try:
    [3, 1, 2].sort(key=lambda x: 1 / (x - 1))
except ZeroDivisionError as e:
    print(type(e).__name__, e)
nan = float("nan")
print(sorted([3.0, nan, 1.0, nan, 2.0])[1:4] != None)
print(sorted([(nan,), (1.0,), (nan,)], key=lambda t: 0))
