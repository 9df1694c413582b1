# parameter kinds and binding errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

def f(a, b, /, c, d=4, *, e, f=6):
    return a, b, c, d, e, f
t(lambda: f(1, 2, 3, e=5))
t(lambda: f(1, 2, c=3, e=5))
t(lambda: f(1, b=2, c=3, e=5))
t(lambda: f(1, 2, 3, 4, 5))
t(lambda: f(1, 2, 3))
t(lambda: f(1, 2, 3, e=5, g=7))
t(lambda: f(1, 2, 3, 4, e=5, d=1))
t(lambda: f())
def many(a, b, c, d):
    pass
t(lambda: many(1))
t(lambda: many(1, 2))
t(lambda: many(1, 2, 3, 4, 5, 6))
t(lambda: many(1, 2, 3, d=4, e=5))
def kwonly(*, x, y, z):
    pass
t(lambda: kwonly())
t(lambda: kwonly(x=1))
t(lambda: kwonly(1, 2))
def defaults(a, b=2, c=3):
    return a, b, c
t(lambda: defaults(1, c=30))
t(lambda: defaults(1, 2, 3, 4))
t(lambda: defaults())
t(lambda: defaults(b=1))
def varargs(*args, **kwargs):
    return args, kwargs
t(lambda: varargs())
t(lambda: varargs(1, 2, x=3))
t(lambda: varargs(*"ab", **{"k": "v"}))
def posonly_kwargs(a, /, **kw):
    return a, kw
t(lambda: posonly_kwargs(1, a=2))
class C:
    def m(self, x):
        return x
t(lambda: C().m())
t(lambda: C().m(1, 2))
t(lambda: C.m())
t(lambda: C().m(y=1))
