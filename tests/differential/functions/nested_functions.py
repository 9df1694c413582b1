# nested function definitions and qualnames
def outer(a):
    def middle(b):
        def inner(c):
            return a + b + c
        return inner
    return middle
print(outer(1)(2)(3))
print(outer(1)(2).__qualname__, outer(1).__qualname__)
def counter():
    def inc():
        inc.n += 1
        return inc.n
    inc.n = 0
    return inc
c1, c2 = counter(), counter()
c1(); c1()
print(c1(), c2())
def make_adders():
    return {n: (lambda x, n=n: x + n) for n in range(3)}
adders = make_adders()
print([adders[k](10) for k in sorted(adders)])
def recursive_inner(n):
    def helper(k):
        return 1 if k == 0 else k * helper(k - 1)
    return helper(n)
print(recursive_inner(6))
class K:
    def method(self):
        def local():
            return "local in method"
        return local
print(K().method()(), K().method().__qualname__)
def shadow():
    x = "outer"
    def inner():
        x = "inner"
        return x
    return inner(), x
print(shadow())
