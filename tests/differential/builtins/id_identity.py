# id(): consistent for the same live object, distinct for simultaneously live objects
a = []
b = []
print(id(a) == id(a), id(a) != id(b), type(id(a)).__name__, id(a) > 0)
x = object()
ids = {id(x) for _ in range(5)}
print(len(ids))
objs = [object() for _ in range(100)]
print(len({id(o) for o in objs}))
print(id(None) == id(None), id(True) == id(True), id(...) == id(Ellipsis))
def f():
    pass
print(id(f) == id(f), id(len) == id(len))
print((a is b) == (id(a) == id(b)))
try:
    id()
except TypeError as e:
    print("TypeError", e)
try:
    id(1, 2)
except TypeError as e:
    print("TypeError", e)
