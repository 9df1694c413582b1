# default values evaluated once at def time, left to right, before the function exists
order = []
def d(tag):
    order.append(tag)
    return tag
def f(a=d("a"), *, b=d("b"), c=d("c")):
    return a, b, c
def g(x=d("x"), y=d("y")):
    return x, y
print(order)
print(f(), g(), order)
def make(n):
    def inner(v=n * 2):
        return v
    return inner
print(make(1)(), make(5)(), make(5)(0))
try:
    def bad(a=undefined_default):
        pass
except NameError as e:
    print("NameError", e)
print("bad" in globals())
class K:
    base = 10
    def method(self, v=base + 1):
        return v
print(K().method())
