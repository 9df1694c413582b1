# special methods are looked up on the type, not the instance
class A:
    def __len__(self):
        return 1
    def __repr__(self):
        return "A-repr"
a = A()
a.__len__ = lambda: 100
a.__repr__ = lambda: "instance repr"
print(len(a), repr(a), a.__len__(), a.__repr__())
class B:
    pass
b = B()
b.__add__ = lambda o: "inst add"
try:
    b + 1
except TypeError as e:
    print("TypeError", e)
B.__add__ = lambda self, o: "class add %r" % o
print(b + 1)
del B.__add__
try:
    b + 1
except TypeError as e:
    print("TypeError", e)
class Meta(type):
    def __len__(cls):
        return 5
    def __getitem__(cls, k):
        return "Meta getitem %r" % k
    def __repr__(cls):
        return "<Meta class %s>" % cls.__name__
class WithMeta(metaclass=Meta):
    def __len__(self):
        return 6
print(len(WithMeta), len(WithMeta()), WithMeta[1], repr(WithMeta))
class CG:
    def __class_getitem__(cls, item):
        return "CG[%r]" % (item,)
print(CG[int], CG[1, 2])
try:
    B[int]
except TypeError as e:
    print("TypeError", e)
class GetattrNoDunder:
    def __getattr__(self, name):
        print("getattr", name)
        return lambda *a: "dyn"
g = GetattrNoDunder()
print(g.anything())
try:
    len(g)
except TypeError as e:
    print("TypeError", e)
try:
    iter(g)
except TypeError as e:
    print("TypeError", e)
