# The implicit __class__ cell: filled before a metaclass's mro() runs,
# RuntimeError when a metaclass drops __classcell__, TypeError for a bad one,
# and a class body that reads an enclosing method's __class__.
test_class = None

class Meta(type):
    def mro(self):
        self.__dict__["f"]()
        return super().mro()

class A(metaclass=Meta):
    def f():
        global test_class
        test_class = __class__

print(test_class is A)

class Dropper(type):
    def __new__(cls, name, bases, namespace):
        namespace.pop('__classcell__', None)
        return super().__new__(cls, name, bases, namespace)

class Fine(metaclass=Dropper):
    pass
try:
    class WithRef(metaclass=Dropper):
        def f(self):
            return __class__
except RuntimeError as e:
    print("RuntimeError:", e.args[0].split(" defining")[0])

class Overwriter(type):
    def __new__(cls, name, bases, namespace, cell):
        namespace['__classcell__'] = cell
        return super().__new__(cls, name, bases, namespace)

for bad in (None, 0, ""):
    try:
        class B(metaclass=Overwriter, cell=bad):
            pass
    except TypeError as e:
        print("TypeError:", e)

class Outer:
    def method(self):
        class X:
            x = __class__
            def f():
                __class__
        return X.x

print(Outer().method() is Outer)
