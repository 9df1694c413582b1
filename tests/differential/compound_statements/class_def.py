# class statement: bases, keywords, body execution, decorators, docstrings
print("before class")
class A:
    """A's doc."""
    print("executing A's body")
    x = 1
    def m(self):
        return "A.m"
print("after class", A.__doc__, A.x)
class B(A):
    pass
print(B().m(), B.__bases__[0].__name__)
class C(A, object):
    pass
print([k.__name__ for k in C.__mro__])
def deco(cls):
    print("decorating", cls.__name__)
    cls.decorated = True
    return cls
@deco
class D:
    pass
print(D.decorated)
def replace(cls):
    return "replaced"
@replace
class E:
    pass
print(E)
bases = (A,)
class F(*bases):
    pass
print(F.__bases__[0].__name__)
kw = {"metaclass": type}
class G(**kw):
    pass
print(type(G).__name__)
class Outer:
    class Inner:
        pass
print(Outer.Inner.__qualname__)
def factory(n):
    class Local:
        value = n
    return Local
print(factory(1).value, factory(2).value, factory(1) is factory(1))
try:
    class H(1):
        pass
except TypeError as e:
    print("TypeError", e)
try:
    class I(A, A):
        pass
except TypeError as e:
    print("TypeError", e)
class J:
    x = 1
    x = x + 1
    del x
print(hasattr(J, "x"))
class K:
    if True:
        cond = "yes"
    for i in range(2):
        pass
print(K.cond, K.i)
