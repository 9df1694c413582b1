# in-place operators: __iop__, fallback to __op__ and __rop__, immutables
class Acc:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, o):
        print("iadd", o)
        self.v += o
        return self
    def __add__(self, o):
        print("add", o)
        return Acc(self.v + o)
    def __isub__(self, o):
        print("isub returns NotImplemented")
        return NotImplemented
    def __sub__(self, o):
        print("sub", o)
        return Acc(self.v - o)
    def __imul__(self, o):
        return "imul result replaces"
a = Acc(1)
b = a
a += 5
print(a is b, a.v)
a -= 2
print(a is b, a.v, b.v)
a *= 3
print(a)
class OnlyR:
    def __radd__(self, o):
        return "OnlyR.radd"
x = 5
x += OnlyR()
print(x)
t = (1, 2)
u = t
t += (3,)
print(t, u, t is u)
L = [1]
M = L
L += [2]
print(L is M, M)
s = "a"
s += "b"
print(s)
fs = frozenset([1])
fs |= {2}
print(sorted(fs), type(fs).__name__)
class Plain:
    pass
p = Plain()
try:
    p += 1
except TypeError as e:
    print("TypeError", e)
try:
    p **= 2
except TypeError as e:
    print("TypeError", e)
d = {"k": [1]}
d["k"] += [2]
print(d)
class Obj:
    pass
o = Obj()
o.count = 0
o.count += 1
print(o.count)
tup = ([1],)
try:
    tup[0] += [2]
except TypeError as e:
    print("TypeError", e)
print(tup)
