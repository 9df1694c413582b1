# augmented assignment evaluates the target once (subscript and attribute)
class Loud(dict):
    def __getitem__(self, k):
        print("getitem", k)
        return super().__getitem__(k)
    def __setitem__(self, k, v):
        print("setitem", k, v)
        super().__setitem__(k, v)
def key():
    print("key evaluated")
    return "k"
d = Loud(k=1)
d[key()] += 10
print(dict(d))
class Obj:
    def __init__(self):
        object.__setattr__(self, "v", 1)
    def __getattribute__(self, name):
        print("get", name)
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)
def target():
    print("target evaluated")
    return o
o = Obj()
target().v *= 5
L = [[1, 2]]
def idx():
    print("idx evaluated")
    return 0
L[idx()][idx()] -= 1
print(L)
x = [1]
x[0] += x[0]
print(x)
s = {"n": "a"}
s["n"] *= 3
print(s)
