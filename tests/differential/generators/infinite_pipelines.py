# lazy pipelines over infinite generators
def naturals():
    n = 0
    while True:
        yield n
        n += 1
def take(n, it):
    for _, v in zip(range(n), it):
        yield v
def filt(pred, it):
    for v in it:
        if pred(v):
            yield v
def primes():
    found = []
    for n in naturals():
        if n > 1 and all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
print(list(take(10, primes())))
print(list(take(5, filt(lambda x: x % 3 == 0, naturals()))))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print(list(take(15, fib())))
def running_sum(it):
    s = 0
    for v in it:
        s += v
        yield s
print(list(take(6, running_sum(naturals()))))
def windows(it, k):
    buf = []
    for v in it:
        buf.append(v)
        if len(buf) > k:
            buf.pop(0)
        if len(buf) == k:
            yield tuple(buf)
print(list(take(4, windows(naturals(), 3))))
def collatz(n):
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1
print(len(list(collatz(27))), max(collatz(27)))
