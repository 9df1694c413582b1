# __name__/__qualname__ of lambdas, nested functions, methods, comprehensions' functions
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

lam = lambda: 0
t(lambda: (lam.__name__, lam.__qualname__))
def outer():
    def inner():
        pass
    l2 = lambda: 0
    return inner, l2
i, l2 = outer()
t(lambda: (i.__qualname__, l2.__qualname__))
class C:
    f = lambda self: 0
    def m(self):
        return lambda: 0
    class D:
        def n(self):
            def deep():
                pass
            return deep
t(lambda: (C.f.__qualname__, C().m().__qualname__, C.D.n.__qualname__, C.D().n().__qualname__))
t(lambda: [f.__qualname__ for f in [lambda: 0 for _ in range(1)]])
t(lambda: (lambda: (lambda: 0))().__qualname__)
def gen():
    yield
t(lambda: (gen().__name__, gen().__qualname__))
async def coro():
    pass
c = coro()
t(lambda: (c.__name__, c.__qualname__))
c.close()
