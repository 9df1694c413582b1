# __slots__ with several bases: a secondary base provides __dict__ and
# __weakref__; __qualname__/__classcell__ may be slots; a mixin's __dict__
# descriptor cannot replace a class's namespace.
import types

class A(object):
    __slots__ = ()
class B(object):
    pass
class C(A, B):
    __slots__ = ()
print(C.__basicsize__ == B.__basicsize__, hasattr(C, '__dict__'), hasattr(C, '__weakref__'))
C().x = 2

class W(object):
    __slots__ = ["__weakref__"]
class D(object):
    pass
class C1(W, D):
    __slots__ = []
a = C1()
a.foo = 42
print(a.__dict__, hasattr(a, "__weakref__"))

class Meta(type):
    def __new__(cls, name, bases, namespace, attr):
        print(attr in namespace)
        return super().__new__(cls, name, bases, namespace)
class C2(metaclass=Meta, attr="__classcell__"):
    __slots__ = ["__classcell__"]
    def __init__(self):
        super().__init__()
print(isinstance(C2.__dict__["__classcell__"], types.MemberDescriptorType))
class C3(metaclass=Meta, attr="__qualname__"):
    __slots__ = ["__qualname__"]
print(C3.__qualname__)

class Base(object):
    pass
class Meta1(type, Base):
    pass
class E(object, metaclass=Meta1):
    pass
dict_descr = Base.__dict__["__dict__"]
try:
    dict_descr.__set__(E, {})
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
print(type(dict_descr.__get__(E)).__name__)
