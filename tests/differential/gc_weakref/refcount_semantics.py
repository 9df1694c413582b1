# reference semantics without gc/weakref: aliasing, identity, copies
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
a = T("shared")
container = [a, a, a]
del a
print("still referenced by list")
container.pop()
container.pop()
print("one reference left")
container.pop()
print("list empty")
d = {}
d["k"] = T("dict-held")
d["k2"] = d["k"]
del d["k"]
print("one dict ref left")
del d["k2"]
print("dict refs gone")
x = T("swap-x")
y = T("swap-y")
x, y = y, x
print("swapped without deletion")
x = y
print("rebound x to y's object")
del x, y
print("end")
