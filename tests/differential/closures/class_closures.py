# closures inside classes: __class__ cell, methods closing over function locals
def make_class(prefix):
    class Greeter:
        def greet(self, name):
            return prefix + name
    return Greeter
print(make_class("Hi ")().greet("Bo"), make_class("Yo ")().greet("Al"))
class A:
    def get_class(self):
        return __class__
    def uses_super(self):
        return super().__repr__ is not None
print(A().get_class() is A, A().uses_super())
class B(A):
    pass
print(B().get_class() is A)
def factory():
    counter = [0]
    class Counted:
        def __init__(self):
            counter[0] += 1
        @staticmethod
        def count():
            return counter[0]
    return Counted
C = factory()
C(); C(); C()
print(C.count())
def class_body_closure():
    val = "enclosing"
    class K:
        attr = val
        def m(self):
            return val
    return K.attr, K().m()
print(class_body_closure())
class Outer:
    x = "class attr"
    def method(self):
        x = "method local"
        class Inner:
            y = x
        return Inner.y
print(Outer().method())
print(A.get_class.__code__.co_freevars)
