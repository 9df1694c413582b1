# super() edge cases: in staticmethods, with __class__ reassigned, super of metaclass
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class A:
    def f(self):
        return "A.f"
class B(A):
    @staticmethod
    def s():
        return super().f()
    def g(self):
        return super().f()
    def h(self):
        def nested():
            return super().f()
        return nested()
t(lambda: B.s())
t(lambda: B().g())
t(lambda: B().h())
t(lambda: super(B, B()).g())
t(lambda: super(B, 5))
class Meta(type):
    def describe(cls):
        return "Meta.describe " + cls.__name__
class SubMeta(Meta):
    def describe(cls):
        return "SubMeta>" + super().describe()
class K(metaclass=SubMeta):
    pass
t(lambda: K.describe())
t(lambda: super(K, K()).__class__.__name__)
t(lambda: repr(super(A, A())).startswith("<super:"))
t(lambda: super(A).__get__(A(), A).__self__.__class__.__name__)
t(lambda: super(A).__thisclass__.__name__)
class C(A):
    def f(self):
        del __class__
        return "deleted"
t(lambda: C().f())
