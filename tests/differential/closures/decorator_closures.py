# decorators built from closures: memoize, call counting, argument checking
def memoize(f):
    cache = {}
    def wrapper(*args):
        if args not in cache:
            cache[args] = f(*args)
        return cache[args]
    wrapper.cache = cache
    return wrapper
@memoize
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)
print(slow_fib(80), len(slow_fib.cache))
def typed(*types):
    def deco(f):
        def wrapper(*args):
            for a, t in zip(args, types):
                if not isinstance(a, t):
                    raise TypeError("%s expected %s, got %s" % (f.__name__, t.__name__, type(a).__name__))
            return f(*args)
        return wrapper
    return deco
@typed(int, str)
def repeat(n, s):
    return s * n
print(repeat(3, "ab"))
try:
    repeat("3", "ab")
except TypeError as e:
    print("TypeError", e)
def once(f):
    done = False
    result = None
    def wrapper():
        nonlocal done, result
        if not done:
            result = f()
            done = True
        return result
    return wrapper
calls = []
@once
def init():
    calls.append(1)
    return "initialized"
print(init(), init(), calls)
