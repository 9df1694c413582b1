# exec() of a code object with free variables needs a closure of cells;
# eval() refuses such code.
def outer(x):
    return lambda: x + 1


g = outer(3)
try:
    eval(g.__code__)
except TypeError as e:
    print(type(e).__name__, e)
try:
    exec(g.__code__, {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    exec(g.__code__, {}, None, closure=(1,))
except TypeError as e:
    print(type(e).__name__, e)
try:
    exec(g.__code__, {}, None, closure=())
except TypeError as e:
    print(type(e).__name__, e)
try:
    exec("x = 1", {}, None, closure=g.__closure__)
except TypeError as e:
    print(type(e).__name__, e)
try:
    exec(compile("x = 1", "s", "exec"), {}, None, closure=g.__closure__)
except TypeError as e:
    print(type(e).__name__, e)


# With the right cells the code runs and sees them.
def maker():
    y = 10

    def f():
        print("y is", y)
        return y * 2

    return f


f = maker()
print(exec(f.__code__, {"print": print}, None, closure=f.__closure__))
