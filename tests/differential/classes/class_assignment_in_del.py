# __class__ assigned inside __del__: the instance is released under its new
# class, and neither class is freed early.
import gc

class O(object):
    pass

class A(object):
    def __del__(self):
        self.__class__ = O

l = [A() for x in range(100)]
del l
gc.collect()
print(A.__name__, O.__name__, len([A(), O()]))

# Slot layouts decide which assignments are allowed.
class G(object):
    __slots__ = ["a", "b"]
class H(object):
    __slots__ = ["b", "a"]
class J(object):
    __slots__ = ["c", "b"]
class Q(J):
    pass
class R(J):
    __slots__ = ["__dict__", "__weakref__"]
class Int(int):
    __slots__ = []

for cls, cls2 in ((G, H), (Q, R), (R, Q)):
    x = cls()
    x.a = 1
    x.__class__ = cls2
    print(type(x).__name__, x.a)
for cls, cls2 in ((G, J), (Int, list), (Int, R), (list, Int)):
    try:
        cls().__class__ = cls2
    except TypeError as e:
        print("TypeError:", e)
