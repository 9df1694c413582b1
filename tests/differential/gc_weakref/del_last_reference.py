# __del__ runs as soon as the last reference goes away
class Tracked:
    def __init__(self, name):
        self.name = name
        print("create", name)
    def __del__(self):
        print("del", self.name)
a = Tracked("a")
b = a
print("dropping first reference")
del a
print("dropping second reference")
del b
print("after both dropped")
x = Tracked("x")
x = Tracked("x2")
print("x rebound")
x = None
print("x set to None")
def scope():
    local = Tracked("local")
    print("leaving function")
scope()
print("function returned")
Tracked("temporary")
print("temporary statement done")
def returns():
    return Tracked("returned")
r = returns()
print("holding returned object")
del r
print("end of script")
