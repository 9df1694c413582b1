# a small complete program: big-integer number theory (factorials, binomials, primes, pi digits)
def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
def binomial(n, k):
    return factorial(n) // (factorial(k) * factorial(n - k))
def is_probable_prime(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True
def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return "".join(map(str, out))
f100 = factorial(100)
print(len(str(f100)), sum(map(int, str(f100))), str(f100).rstrip("0")[-10:])
print(binomial(100, 50), binomial(60, 30) % 1000000007)
print([n for n in range(2, 100) if is_probable_prime(n)])
print(is_probable_prime(2**61 - 1), is_probable_prime(2**61 + 1), is_probable_prime(2**89 - 1), is_probable_prime(10**18 + 9))
print(pi_digits(60))
print(sum(1 for n in range(10**6, 10**6 + 1000) if is_probable_prime(n)))
