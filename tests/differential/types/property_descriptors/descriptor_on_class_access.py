# descriptor __get__ receives (None, owner) on class access; method descriptors on classes
class Desc:
    def __get__(self, obj, owner=None):
        return ("instance" if obj is not None else "class", owner.__name__ if owner else None)
class A:
    d = Desc()
    def m(self):
        return "m"
class B(A):
    pass
print(A.d, A().d, B.d, B().d)
print(A.__dict__["d"].__get__(None, B))
print(A.m.__qualname__, "is function" if type(A.m).__name__ == "function" else "not function")
print(A.__dict__["m"].__get__(A(), A)(), type(A.__dict__["m"].__get__(None, A)).__name__)
f = A.__dict__["m"]
bound = f.__get__(B())
print(type(bound).__name__, bound.__self__.__class__.__name__)
class P:
    @property
    def x(self):
        return 1
print(type(P.x).__name__, P.x.__get__(P()), P.__dict__["x"] is P.x)
