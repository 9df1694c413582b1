# __getitem__/__setitem__/__delitem__/__contains__/__len__/__iter__
class Grid:
    def __init__(self):
        self.d = {}
    def __getitem__(self, key):
        print("get", key)
        if key == "missing":
            raise KeyError(key)
        return self.d.get(repr(key), 0)
    def __setitem__(self, key, value):
        print("set", key, value)
        self.d[repr(key)] = value
    def __delitem__(self, key):
        print("del", key)
        del self.d[repr(key)]
    def __len__(self):
        return len(self.d)
g = Grid()
g[1, 2] = 5
print(g[1, 2])
g[1:3] = "slice"
print(g[1:3])
g[...] = "ell"
del g[...]
print(len(g))
try:
    g["missing"]
except KeyError as e:
    print("KeyError", e)
try:
    del g["nope"]
except KeyError as e:
    print("KeyError", e)
class OnlyGetitem:
    def __getitem__(self, i):
        if i > 4:
            raise IndexError(i)
        return i * i
o = OnlyGetitem()
print(list(o), 9 in o, 10 in o, sorted(o, reverse=True))
a, b, *c = o
print(a, b, c)
class Contains:
    def __contains__(self, x):
        print("contains", x)
        return x == 1
    def __iter__(self):
        print("iter never used for in")
        return iter([])
print(1 in Contains(), 2 not in Contains())
class ContainsTruthy:
    def __contains__(self, x):
        return "yes"
print(3 in ContainsTruthy())
class NoContainer:
    pass
try:
    1 in NoContainer()
except TypeError as e:
    print("TypeError", e)
class IterOnly:
    def __iter__(self):
        return iter([1, 2, 3])
print(2 in IterOnly(), 5 in IterOnly())
class NotSubscriptable:
    pass
try:
    NotSubscriptable()[0]
except TypeError as e:
    print("TypeError", e)
try:
    NotSubscriptable()[0] = 1
except TypeError as e:
    print("TypeError", e)
try:
    del NotSubscriptable()[0]
except TypeError as e:
    print("TypeError", e)
