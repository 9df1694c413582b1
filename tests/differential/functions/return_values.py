# return values: implicit None, tuples, early exits, return in generators
def implicit():
    x = 1
print(implicit())
def tuple_ret():
    return 1, "two", [3]
a, b, c = tuple_ret()
print(a, b, c)
def nested_returns(x):
    def inner():
        return x * 2
    return inner() + 1
print(nested_returns(5))
def ret_func():
    return ret_func
print(ret_func()()() is ret_func)
def gen_with_return():
    yield 1
    return "return value"
g = gen_with_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)
def returns_in_loop():
    for i in range(100):
        while True:
            return i
print(returns_in_loop())
def ret_lambda():
    return lambda: "from lambda"
print(ret_lambda()())
def cond_ret(x):
    return "pos" if x > 0 else "neg" if x < 0 else "zero"
print([cond_ret(v) for v in (1, -1, 0)])
def ret_star():
    a = [1, 2]
    return (*a, 3)
print(ret_star())
def ret_walrus():
    return (y := 10) + y
print(ret_walrus())
