# call expressions: positional, keyword, star, double-star, errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

def f(a, b, c=3, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, kw)
t(lambda: f(1, 2, d=4))
t(lambda: f(1, 2, 3, 4, 5, d=6, z=7))
t(lambda: f(*[1, 2], **{"d": 4}))
t(lambda: f(*(1,), *(2, 3), d=4, **{"e": 0}, **{"x": 1}))
t(lambda: f(1, 2))
t(lambda: f(1))
t(lambda: f())
t(lambda: f(1, 2, d=4, a=1))
t(lambda: f(1, 2, d=4, **{"a": 1}))
t(lambda: f(1, 2, d=4, **{"e": 1}, e=2))
t(lambda: f(1, 2, **{1: 2}))
t(lambda: f(1, 2, **[1]))
t(lambda: f(1, 2, *5))
t(lambda: f(*None))
def g(a, b):
    return a, b
t(lambda: g(1, 2, 3))
t(lambda: g(1, c=3))
t(lambda: g(1, b=2, b2=3))
t(lambda: g(b=1, a=2))
def h():
    return "no args"
t(lambda: h(1))
t(lambda: h(x=1))
def po(a, b, /, c):
    return a, b, c
t(lambda: po(1, 2, 3))
t(lambda: po(1, 2, c=3))
t(lambda: po(1, b=2, c=3))
def ko(*, a, b=2):
    return a, b
t(lambda: ko(a=1))
t(lambda: ko(1))
t(lambda: ko())
def kw_and_po(a, /, **kw):
    return a, kw
t(lambda: kw_and_po(1, a=2))
class M(dict):
    pass
t(lambda: g(**M(a=1, b=2)))
class KeysMapping:
    def keys(self):
        return ["a", "b"]
    def __getitem__(self, k):
        return k * 2
t(lambda: g(**KeysMapping()))
t(lambda: dict(**{"a": 1}, **{"a": 2}))
