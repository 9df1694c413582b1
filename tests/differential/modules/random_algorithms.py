# _random driving random.py's algorithms (written out here, over
# getrandbits/random and math): randrange, choice, shuffle, sample,
# uniform, gauss, expovariate, triangular, vonmises-free subset
import _random, math
class R(_random.Random):
    def __init__(self, x):
        super().__init__(x)
        self.gauss_next = None
    def _randbelow(self, n):
        k = n.bit_length()
        r = self.getrandbits(k)
        while r >= n:
            r = self.getrandbits(k)
        return r
    def randrange(self, start, stop=None, step=1):
        if stop is None:
            return self._randbelow(start)
        width = stop - start
        if step == 1:
            return start + self._randbelow(width)
        n = (width + step - 1) // step if step > 0 else (width + step + 1) // step
        return start + step * self._randbelow(n)
    def choice(self, seq):
        return seq[self._randbelow(len(seq))]
    def shuffle(self, x):
        for i in reversed(range(1, len(x))):
            j = self._randbelow(i + 1)
            x[i], x[j] = x[j], x[i]
    def sample(self, population, k):
        n = len(population)
        result = [None] * k
        pool = list(population)
        for i in range(k):
            j = self._randbelow(n - i)
            result[i] = pool[j]
            pool[j] = pool[n - i - 1]
        return result
    def uniform(self, a, b):
        return a + (b - a) * self.random()
    def triangular(self, low=0.0, high=1.0, mode=None):
        u = self.random()
        c = 0.5 if mode is None else (mode - low) / (high - low)
        if u > c:
            u = 1.0 - u
            c = 1.0 - c
            low, high = high, low
        return low + (high - low) * math.sqrt(u * c)
    def expovariate(self, lambd):
        return -math.log(1.0 - self.random()) / lambd
    def gauss(self, mu=0.0, sigma=1.0):
        z = self.gauss_next
        self.gauss_next = None
        if z is None:
            x2pi = self.random() * math.tau
            g2rad = math.sqrt(-2.0 * math.log(1.0 - self.random()))
            z = math.cos(x2pi) * g2rad
            self.gauss_next = math.sin(x2pi) * g2rad
        return mu + z * sigma
    def normalvariate(self, mu=0.0, sigma=1.0):
        NV_MAGICCONST = 4 * math.exp(-0.5) / math.sqrt(2.0)
        while True:
            u1 = self.random()
            u2 = 1.0 - self.random()
            z = NV_MAGICCONST * (u1 - 0.5) / u2
            zz = z * z / 4.0
            if zz <= -math.log(u2):
                break
        return mu + z * sigma
    def lognormvariate(self, mu, sigma):
        return math.exp(self.normalvariate(mu, sigma))
    def paretovariate(self, alpha):
        u = 1.0 - self.random()
        return u ** (-1.0 / alpha)
    def weibullvariate(self, alpha, beta):
        u = 1.0 - self.random()
        return alpha * (-math.log(u)) ** (1.0 / beta)
for seed in [0, 1, 42, 2**40 + 7, -99]:
    r = R(seed)
    print(seed, [r.randrange(10) for _ in range(10)], r.randrange(-50, 50, 7), r.randrange(10**30))
    deck = list(range(15))
    r.shuffle(deck)
    print(deck, r.sample(range(100), 6), r.choice("abcdefgh"))
    print(r.uniform(-3, 3), r.triangular(0, 10, 2), r.expovariate(1.5), r.gauss(5, 2), r.gauss(5, 2))
    print(r.normalvariate(), r.lognormvariate(0, 0.5), r.paretovariate(3), r.weibullvariate(1, 2))
r = R(7)
xs = [r.gauss() for _ in range(2000)]
print(math.fsum(xs) / len(xs), math.sqrt(math.fsum(x * x for x in xs) / len(xs)))
counts = [0] * 6
for _ in range(6000):
    counts[r._randbelow(6)] += 1
print(counts, r.getstate()[-1])
