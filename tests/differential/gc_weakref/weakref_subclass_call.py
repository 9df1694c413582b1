# Subclasses of weakref.ref (with and without __slots__) are callable like
# the base: KeyedRef and WeakValueDictionary rely on it.
import weakref, copy, gc

class C:
    pass

class Plain(weakref.ref):
    pass

class Slotted(weakref.ref):
    __slots__ = ("key",)
    def __new__(cls, ob, key):
        self = super().__new__(cls, ob)
        self.key = key
        return self
    def __init__(self, ob, key):
        super().__init__(ob)

b = C()
print(Plain(b)() is b, Slotted(b, "k")() is b, Slotted(b, "k").key)
r = weakref.KeyedRef(b, None, "key")
print(r() is b, r.key)

a, c, d = C(), C(), C()
u = weakref.WeakValueDictionary()
u[a] = b
u[c] = d
v = copy.copy(u)
print(len(v), v[a] is b)
del c, d
gc.collect()
print(len(v), len(u))
x, y = C(), C()
v[x] = y
print(x in u, x in v)
w = copy.deepcopy(u)
print(len(w))
