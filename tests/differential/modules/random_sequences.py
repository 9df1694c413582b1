# _random: MT19937 sequences for int/float/tuple seeds (non-ints by
# hash, as _random itself does), random() and getrandbits widths
import _random
r = _random.Random()
seeds = [0, 1, -1, 2, 42, 2**31, 2**32 - 1, 2**32, 2**32 + 1, 2**64, -2**64, 2**64 - 1, 10**30, 3**200, -7**90,
         True, False, 0.0, -0.0, 1.5, -2.25, 1e300, float("inf"), 7.0, (1, 2), (-3, 4.5), None.__class__]
for s in seeds:
    if s is None.__class__:
        continue
    r.seed(s)
    print(repr(s)[:30], [r.random() for _ in range(3)], r.getrandbits(32), r.getrandbits(7))
r.seed(2024)
print([r.getrandbits(k) for k in range(0, 70)])
print(r.getrandbits(1000))
print(r.getrandbits(32 * 5), r.getrandbits(32 * 5 + 1), r.getrandbits(31))
r.seed(99)
xs = [r.random() for _ in range(2000)]
print(xs[0], xs[623], xs[624], xs[1247], xs[1248], xs[-1], min(xs) >= 0, max(xs) < 1, sum(xs))
r.seed(99)
print(sum(r.getrandbits(32) for _ in range(5000)))
a = _random.Random(123)
b = _random.Random(123)
print(all(a.random() == b.random() for _ in range(1000)), a.getrandbits(64) == b.getrandbits(64))
c = _random.Random(2**1000 + 12345)
print(c.random(), c.getrandbits(48))
# random.py's algorithms, written out over _random.Random
def randbelow(rng, n):
    k = n.bit_length()
    x = rng.getrandbits(k)
    while x >= n:
        x = rng.getrandbits(k)
    return x
def shuffle(rng, x):
    for i in reversed(range(1, len(x))):
        j = randbelow(rng, i + 1)
        x[i], x[j] = x[j], x[i]
rng = _random.Random(7)
print([randbelow(rng, 10) for _ in range(20)], randbelow(rng, 10**30))
deck = list(range(20))
shuffle(rng, deck)
print(deck)
print([round(rng.random() * 6 + 1) for _ in range(10)])
