# functions as values: passing, returning, storing, higher order
def compose(*fs):
    def composed(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return composed
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print({k: f(6, 3) for k, f in sorted(ops.items())})
def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x
print(apply_n(dbl, 10, 1))
def curry(f):
    def a(x):
        def b(y):
            return f(x, y)
        return b
    return a
print(curry(pow)(2)(10))
handlers = []
for name in ["x", "y"]:
    def handler(n=name):
        return "handled " + n
    handlers.append(handler)
print([h() for h in handlers])
def counter_factory():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get
i, g = counter_factory()
i(); i()
print(g())
print(sorted(["bb", "a", "ccc"], key=len), list(map(str.upper, "ab")), max([3, 1, 2], key=lambda v: -v))
def partial(f, *a, **k):
    def p(*a2, **k2):
        return f(*a, *a2, **{**k, **k2})
    return p
print(partial(print, "pre", sep="|")("post"))
