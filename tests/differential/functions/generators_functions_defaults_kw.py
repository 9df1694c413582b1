# keyword-only defaults, __kwdefaults__ mutation, defaults referencing earlier names
def f(a, *, b=1, c=None):
    return a, b, c
print(f(0), f(0, b=2), f.__kwdefaults__)
f.__kwdefaults__["b"] = 100
print(f(0))
f.__kwdefaults__ = None
try:
    f(0)
except TypeError as e:
    print("TypeError", e)
base = 10
def g(x=base, y=base * 2):
    return x, y
base = 0
print(g(), g.__defaults__)
def h(a, b=[], *args, c={}, **kw):
    b.append(a)
    c[a] = True
    return len(b), len(c)
print(h(1), h(2), h(3, []))
def posonly_defaults(a=1, b=2, /, c=3):
    return a, b, c
print(posonly_defaults(), posonly_defaults(9), posonly_defaults(c=0))
try:
    posonly_defaults(a=5)
except TypeError as e:
    print("TypeError", e)
