# a complete program: definitions before use, forward references in functions
def main():
    helper_result = helper(3)
    print("main got", helper_result)
    return Klass(helper_result).describe()
def helper(n):
    return [fib(i) for i in range(n * 4)]
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
class Klass:
    def __init__(self, data):
        self.data = data
    def describe(self):
        return "Klass(%d items, sum=%d)" % (len(self.data), sum(self.data))
try:
    early_call()
except NameError as e:
    print("NameError", e)
def early_call():
    return "defined now"
print(early_call())
if __name__ == "__main__":
    print(main())
TOTAL = 0
for i in range(1, 101):
    TOTAL += i
print("TOTAL", TOTAL)
def primes(limit):
    sieve = [True] * (limit + 1)
    sieve[0] = sieve[1] = False
    for i in range(2, int(limit ** 0.5) + 1):
        if sieve[i]:
            for j in range(i * i, limit + 1, i):
                sieve[j] = False
    return [i for i, p in enumerate(sieve) if p]
print(primes(60))
print(len(primes(10000)))
