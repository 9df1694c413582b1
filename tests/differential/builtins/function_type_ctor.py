# types.FunctionType(code, globals, name, argdefs, closure) and its checks;
# module-level code run as a function uses its globals as its locals.
import types

def outer():
    x = 10
    def inner(a, b=2):
        return a + b + x
    return inner

f = outer()
g = types.FunctionType(f.__code__, {"__builtins__": __builtins__}, "renamed", (5,), f.__closure__)
print(g.__name__, g.__qualname__, g(1), g(1, 1), g.__defaults__)

for args in [
    (1, {}),
    (f.__code__, []),
    (f.__code__, {}, 3),
    (f.__code__, {}, None, [1]),
    (f.__code__, {}, None, None, None),
    (f.__code__, {}, None, None, (1,)),
    ((lambda: 0).__code__, {}, None, None, f.__closure__),
]:
    try:
        types.FunctionType(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

ns = {"a": 0}
co = compile("a = a + 1\nb = 'set'", "<mod>", "exec")
h = types.FunctionType(co, ns)
print(h(), ns["a"], ns["b"])
