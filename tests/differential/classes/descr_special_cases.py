# Special methods looked up on the type, super subclasses binding,
# __class__ assignment rules, slot wrappers from unrelated classes.
import sys
ModuleType = type(sys)


class Checker:
    def __getattribute__(self, name):
        if name not in ("__class__",):
            print("getattribute", name)
        return object.__getattribute__(self, name)


class R(Checker):
    def __reversed__(self):
        return iter([3, 2, 1])

    def __sizeof__(self):
        return 42


print(list(reversed(R())), sys.getsizeof(R()) >= 42)


class NotRev:
    __reversed__ = None


try:
    reversed(NotRev())
except TypeError as e:
    print(type(e).__name__, e)


class A:
    def meth(self, a):
        return "A(%r)" % a


class B(A):
    def meth(self, a):
        return "B(%r)" % a + super().meth(a)


class mysuper(super):
    def __init__(self, *args):
        return super(mysuper, self).__init__(*args)


class C(B):
    def meth(self, a):
        s = self.__super
        return "C(%r)[%s]" % (a, s.__class__.__name__) + s.meth(a)


C._C__super = mysuper(C)
print(C().meth(1))
print(type(mysuper(C).__get__(C())).__name__, type(super(C).__get__(C())).__name__)


class SubType(ModuleType):
    a = 1


m = ModuleType("m")
m.__class__ = SubType
print(type(m).__name__, m.a)
m.__class__ = ModuleType
print(type(m).__name__, hasattr(m, "a"))


class MyInt(int):
    __slots__ = ()


for bad in (lambda: setattr(1, "__class__", MyInt), lambda: setattr(MyInt(1), "__class__", int)):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)


class P:
    pass


class Q:
    pass


p = P()
p.__class__ = Q
print(type(p).__name__)


class W(int):
    __eq__ = str.__eq__
    __add__ = str.__add__


w = W()
for f in (lambda: w == w, lambda: w + w):
    try:
        f()
    except TypeError as e:
        print(type(e).__name__)


class M(ModuleType):
    @property
    def __dict__(self):
        return "not a dict"


try:
    dir(M("m"))
except TypeError as e:
    print(type(e).__name__, e)
