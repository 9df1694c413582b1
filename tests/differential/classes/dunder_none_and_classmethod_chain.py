# A binary or in-place dunder set to None is called (TypeError), not skipped;
# classmethod binds a wrapped descriptor with __get__(cls, cls); bound
# methods are not descriptors.
import types
class A:
    __add__ = None
    __iadd__ = None
    __radd__ = None
for e in ['A()+1', '1+A()']:
    try:
        eval(e)
    except TypeError as x:
        print(e, x)
a = A()
try:
    a += 1
except TypeError as x:
    print('iadd', x)
print(hasattr(types.MethodType, '__get__'))
class F:
    def foo(self, cls):
        return ('spam', cls.__name__)
class B:
    bar = classmethod(F().foo)
print(B.bar())
class Wrap:
    def __init__(self, f): self.f = f
    def __get__(self, inst, owner=None):
        return (inst, owner)
class C:
    m = classmethod(Wrap(None))
print(C.m[0] is C, C.m[1] is C)
