# globals() and locals(): module scope, functions, class bodies, comprehensions
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

g = globals()
t(lambda: g is globals())
t(lambda: g["__name__"])
t(lambda: "__builtins__" in g)
g["injected"] = 42
t(lambda: injected)
t(lambda: locals() is globals() if False else "skip")
def f(a, b=2):
    c = a + b
    return sorted(locals().items())
t(lambda: f(1))
def g2():
    x = 1
    loc = locals()
    loc["x"] = 99
    return x
t(g2)
def closure():
    free = "free"
    def inner():
        return sorted(locals())
    def inner2():
        free
        return sorted(locals())
    return inner(), inner2()
t(closure)
class C:
    a = 1
    b = sorted(k for k in locals() if not k.startswith("__"))
t(lambda: C.b)
class D:
    x = 5
    names = sorted(locals())
t(lambda: D.names)
t(lambda: [sorted(locals()) for _ in range(1)])
t(lambda: globals(1))
t(lambda: locals(1))
def uses_global():
    global new_global
    new_global = "set"
uses_global()
t(lambda: globals()["new_global"])
t(lambda: sorted(k for k in globals() if k.startswith("__") and k in ("__name__", "__doc__", "__builtins__")))
t(lambda: __name__)
t(lambda: __doc__)
