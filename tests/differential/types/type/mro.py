# method resolution order: C3 linearisation and its failures
def names(c):
    return [k.__name__ for k in c.__mro__]
class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass
print(names(Z))
print(names(K1), names(K3))
try:
    class Bad(A, K1):
        pass
except TypeError as e:
    print("TypeError", e)
try:
    class Dup(A, A):
        pass
except TypeError as e:
    print("TypeError", e)
print([c.__name__ for c in Z.mro()])
class X:
    def who(self):
        return "X"
class Y(X):
    def who(self):
        return "Y>" + super().who()
class W(X):
    def who(self):
        return "W>" + super().who()
class V(Y, W):
    def who(self):
        return "V>" + super().who()
print(V().who())
print(bool.__mro__, int.__subclasses__()[0].__name__ if False else "skip")
print(sorted(c.__name__ for c in O.__subclasses__()))
print(issubclass(Z, O), issubclass(Z, (int, A)), isinstance(Z(), K2))
try:
    class FromInstance(object()):
        pass
except TypeError as e:
    print("TypeError", e)
try:
    class FromInt(5):
        pass
except TypeError as e:
    print("TypeError", e)
