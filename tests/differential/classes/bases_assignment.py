# __bases__ assignment: MRO and method lookup follow, subclasses too; CPython's checks
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class A:
    def who(self): return "A"
    def __add__(self, o): return "A+"
class B:
    def who(self): return "B"
    def __add__(self, o): return "B+"
class C(A):
    pass
class D(C):
    pass
d = D()
print(d.who(), d + 1, [k.__name__ for k in D.__mro__])
C.__bases__ = (B,)
print(d.who(), d + 1, [k.__name__ for k in D.__mro__], C.__base__.__name__)
print(issubclass(D, B), issubclass(D, A), isinstance(d, B), [k.__name__ for k in B.__subclasses__()], A.__subclasses__())
C.__bases__ = (A, B)
print(d.who(), [k.__name__ for k in D.__mro__])
t(lambda: setattr(C, "__bases__", (D,)))
t(lambda: setattr(C, "__bases__", (C,)))
t(lambda: setattr(C, "__bases__", [A]))
t(lambda: setattr(C, "__bases__", (A, 1)))
t(lambda: setattr(C, "__bases__", (A, A)))
t(lambda: delattr(C, "__bases__"))
t(lambda: setattr(int, "__bases__", (object,)))
t(lambda: setattr(C, "__mro__", (C, object)))
class X: pass
class Y: pass
class Z(X, Y): pass
t(lambda: setattr(Z, "__bases__", (Y, X)) or [k.__name__ for k in Z.__mro__])
class P(X): pass
class Q(Y, X): pass
t(lambda: setattr(Q, "__bases__", (X, P)))
print([k.__name__ for k in Q.__mro__])
class S:
    __slots__ = ("a",)
class T:
    pass
t(lambda: setattr(T, "__bases__", (S,)))
t(lambda: setattr(T, "__bases__", (list,)))
