# __bases__ assigned again from inside a metaclass's mro(): the outer
# assignment leaves the inner one's result alone, cycles are refused.
class Meta(type):
    hook = None
    def mro(cls):
        if Meta.hook:
            Meta.hook(cls)
        return type.mro(cls)

class A(metaclass=Meta): pass
class B1(A): pass
class B2(A): pass
class C(A): pass

def swap(cls):
    if cls.__name__ == 'C':
        Meta.hook = None
        C.__bases__ = (B2,)
Meta.hook = swap
C.__bases__ = (B1,)
print([k.__name__ for k in C.__bases__], [k.__name__ for k in C.__mro__])
print([k.__name__ for k in B2.__subclasses__()], B1.__subclasses__())

def cycle(cls):
    if cls.__name__ == 'B1':
        B2.__bases__ = (B1,)
    if cls.__name__ == 'B2':
        B1.__bases__ = (B2,)
Meta.hook = cycle
try:
    B1.__bases__ += ()
except TypeError as e:
    print("TypeError:", e)
Meta.hook = None

# A lookup whose key __eq__ reassigns __bases__ mid-walk.
class Base(object):
    mykey = 'from Base'
    mykey2 = 'from Base'
class Base2(object):
    mykey = 'from Base2'
    mykey2 = 'from Base2'
class MyKey(object):
    def __hash__(self):
        return hash('mykey')
    def __eq__(self, other):
        X.__bases__ = (Base2,)
X = type('X', (Base,), {MyKey(): 5})
print(X.mykey)
print(X.mykey2)

# Extending or super() of a class whose mro() is still running.
class M2(type):
    def mro(cls):
        if cls.__mro__ is None and cls.__name__ != 'X':
            try:
                class X(cls):
                    pass
            except TypeError as e:
                print("TypeError:", e)
            print(super(cls, cls).__class__.__name__)
        return type.mro(cls)
class Incomplete(metaclass=M2):
    pass

# A custom mro() that leaves the class out of it.
class Other: pass
class M3(type):
    def mro(cls):
        del M3.mro
        return (Other,)
try:
    class Odd(metaclass=M3):
        pass
except TypeError as e:
    print("TypeError:", e)
