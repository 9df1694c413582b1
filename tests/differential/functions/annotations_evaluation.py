# annotations are evaluated at definition time, in order, and stored in __annotations__
order = []
def note(tag, value):
    order.append(tag)
    return value
def f(a: note("a", int), b: note("b", str) = note("b-default", "x"), *args: note("args", tuple),
      c: note("c", float), **kw: note("kw", dict)) -> note("return", list):
    pass
print(order)
print(f.__annotations__)
class C:
    x: note("C.x", int)
    y: note("C.y", str) = "value"
print(order[-2:], C.__annotations__, C.y)
def g(x: "string annotation", y: 1 + 1):
    pass
print(g.__annotations__)
def h():
    local: note("local annotation never evaluated", int) = 5
    return local
print(h(), order[-1])
def no_ann(a, b):
    pass
print(no_ann.__annotations__)
lam = lambda x: x
print(lam.__annotations__)
