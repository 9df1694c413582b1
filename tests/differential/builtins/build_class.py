# __build_class__: direct calls, the class body function, metaclass keyword
import sys
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

bc = __builtins__.__build_class__ if hasattr(__builtins__, "__build_class__") else __builtins__["__build_class__"]
def body():
    x = 1
    def m(self):
        return "m"
C = bc(body, "C")
t(lambda: (C.__name__, C.x, C().m()))
def body2():
    y = 2
D = bc(body2, "D", C)
t(lambda: (D.y, D.x, D.__bases__[0].__name__))
class Meta(type):
    def __new__(m, name, bases, ns, **kw):
        print("Meta.__new__", name, kw)
        return super().__new__(m, name, bases, ns)
E = bc(body2, "E", metaclass=Meta, extra=1)
t(lambda: type(E).__name__)
t(lambda: bc())
t(lambda: bc(body))
t(lambda: bc(5, "X"))
t(lambda: bc(body, 5))
t(lambda: bc(lambda: None, "L").__name__)
t(lambda: type(bc(body, "N", metaclass=type)).__name__)
orig = bc
def my_build_class(func, name, *bases, **kw):
    print("building", name, [b.__name__ for b in bases])
    return orig(func, name, *bases, **kw)
b = __builtins__
if isinstance(b, dict):
    b["__build_class__"] = my_build_class
else:
    b.__build_class__ = my_build_class
class Hooked(int):
    pass
print(Hooked.__name__)
if isinstance(b, dict):
    b["__build_class__"] = orig
else:
    b.__build_class__ = orig
class After:
    pass
print(After.__name__)
