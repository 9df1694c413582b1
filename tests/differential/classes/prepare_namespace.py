# __prepare__ returning custom mappings: recording order, rejecting duplicates
class Recorder(dict):
    def __init__(self):
        super().__init__()
        self.order = []
    def __setitem__(self, k, v):
        if not k.startswith("__"):
            self.order.append(k)
        super().__setitem__(k, v)
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Recorder()
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.order = ns.order
        return cls
class A(metaclass=Meta):
    b = 1
    a = 2
    def c(self):
        pass
    b = 3
print(A.order, A.b)
class NoDup(dict):
    def __setitem__(self, k, v):
        if k in self and not k.startswith("__"):
            raise TypeError("duplicate definition of %r" % k)
        super().__setitem__(k, v)
class Strict(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return NoDup()
try:
    class B(metaclass=Strict):
        x = 1
        x = 2
except TypeError as e:
    print("TypeError", e)
class Defaulting(dict):
    def __missing__(self, k):
        if k.startswith("auto_"):
            return k[5:].upper()
        raise KeyError(k)
class Auto(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Defaulting()
    def __new__(mcls, name, bases, ns):
        return super().__new__(mcls, name, bases, dict(ns))
class C(metaclass=Auto):
    value = auto_hello
print(C.value)
