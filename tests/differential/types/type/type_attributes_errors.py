# setting and deleting type attributes; builtin types are immutable
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class A:
    x = 1
t(lambda: delattr(A, "x") or hasattr(A, "x"))
t(lambda: delattr(A, "x"))
t(lambda: setattr(list, "x", 1))
t(lambda: delattr(list, "append"))
t(lambda: setattr(object, "x", 1))
t(lambda: setattr(type, "x", 1))
t(lambda: setattr(A, "__doc__", "new doc") or A.__doc__)
t(lambda: setattr(A, "__module__", "elsewhere") or A.__module__)
t(lambda: setattr(A, "__qualname__", "Q.A") or A.__qualname__)
t(lambda: setattr(A, "__qualname__", None))
t(lambda: delattr(A, "__name__"))
t(lambda: setattr(A, "__bases__", ()))
t(lambda: setattr(A, "__mro__", ()))
t(lambda: setattr(A, "__dict__", {}))
t(lambda: setattr(int, "__name__", "integer"))
class B:
    pass
class C(B):
    pass
class D:
    pass
t(lambda: setattr(C, "__bases__", (D,)) or [k.__name__ for k in C.__mro__])
t(lambda: setattr(B, "__bases__", (C,)))
t(lambda: type.__dict__["__dict__"].__get__(A)["__doc__"])
