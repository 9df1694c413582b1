# bound methods, staticmethod, classmethod, method equality
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class A:
    def m(self, x):
        return ("m", type(self).__name__, x)
    @staticmethod
    def s(x):
        return ("s", x)
    @classmethod
    def c(cls, x):
        return ("c", cls.__name__, x)
class B(A):
    pass
a, b = A(), B()
t(lambda: a.m(1))
t(lambda: A.m(a, 2))
t(lambda: A.m(3))
t(lambda: A.m())
t(lambda: a.s(4))
t(lambda: A.s(5))
t(lambda: a.c(6))
t(lambda: B.c(7))
t(lambda: b.c(8))
t(lambda: a.m == a.m)
t(lambda: a.m is a.m)
t(lambda: a.m == b.m)
t(lambda: a.m.__func__ is A.m)
t(lambda: a.m.__self__ is a)
t(lambda: A.c.__self__ is A)
t(lambda: a.m.__name__)
t(lambda: a.m.__qualname__)
t(lambda: type(A.__dict__["s"]).__name__)
t(lambda: type(A.__dict__["c"]).__name__)
t(lambda: A.__dict__["s"].__func__(9))
t(lambda: A.__dict__["s"](10))
t(lambda: A.__dict__["c"].__func__(A, 11))
t(lambda: staticmethod(len)("abc"))
t(lambda: classmethod(5).__func__)
meth = a.m
t(lambda: meth(12))
t(lambda: setattr(meth, "attr", 1))
t(lambda: meth.__doc__)
t(lambda: hash(a.m) == hash(a.m))
a.m = lambda x: ("instance-level", x)
t(lambda: a.m(13))
t(lambda: type(a.m).__name__)
class C:
    f = len
    g = staticmethod(len)
t(lambda: C().f("xy"))
t(lambda: C().g("xyz"))
t(lambda: type(C.__dict__["f"]).__name__)
