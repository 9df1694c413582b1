# metaclasses: __new__, __init__, __call__, __prepare__, inheritance of metaclass
log = []
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 1}
    def __new__(mcls, name, bases, ns, **kw):
        print("meta new", name, sorted(k for k in ns if not k.startswith("__")))
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("meta init", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("meta call", cls.__name__, a)
        return super().__call__(*a, **k)
class A(metaclass=Meta, flag=True):
    x = 1
    def m(self):
        return self.injected
a = A()
print(type(A).__name__, a.m())
class B(A):
    y = 2
print(type(B).__name__)
class M1(type):
    pass
class M2(type):
    pass
class C1(metaclass=M1):
    pass
class C2(metaclass=M2):
    pass
try:
    class D(C1, C2):
        pass
except TypeError as e:
    print("TypeError", e)
class M3(M1):
    pass
class C3(metaclass=M3):
    pass
class E(C1, C3):
    pass
print(type(E).__name__)
class Attr(type):
    def hello(cls):
        return "hello from " + cls.__name__
class F(metaclass=Attr):
    pass
print(F.hello())
try:
    F().hello()
except AttributeError as e:
    print("AttributeError", e)
def func_meta(name, bases, ns):
    return "not a class: " + name
class G(metaclass=func_meta):
    pass
print(G)
class BadPrepare(type):
    @classmethod
    def __prepare__(m, *a):
        return 5
try:
    class H(metaclass=BadPrepare):
        pass
except TypeError as e:
    print("TypeError", e)
