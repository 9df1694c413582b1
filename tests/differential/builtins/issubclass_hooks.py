# __subclasscheck__/__instancecheck__ hooks with tuples, recursion through bases, errors
class Duck(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, "quack")
    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")
class Quacker(metaclass=Duck):
    pass
class Mallard:
    def quack(self):
        return "quack"
class Dog:
    pass
print(isinstance(Mallard(), Quacker), isinstance(Dog(), Quacker))
print(issubclass(Mallard, Quacker), issubclass(Dog, Quacker), issubclass(Mallard, (Dog, Quacker)))
print(isinstance(Mallard(), (int, (str, Quacker))))
class Raising(type):
    def __instancecheck__(cls, obj):
        raise RuntimeError("instancecheck failed")
class R(metaclass=Raising):
    pass
try:
    isinstance(1, R)
except RuntimeError as e:
    print("RuntimeError", e)
print(isinstance(R(), R))
class NotAClass:
    pass
try:
    issubclass(NotAClass(), object)
except TypeError as e:
    print("TypeError", e)
class HasBases:
    __bases__ = (int,)
try:
    print(issubclass(HasBases(), int))
except TypeError as e:
    print("TypeError", e)
