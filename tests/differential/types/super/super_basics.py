# super(): zero-arg, two-arg, in classmethods, errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class A:
    def f(self):
        return "A.f"
    @classmethod
    def c(cls):
        return "A.c " + cls.__name__
    def __repr__(self):
        return "A()"
    x = "A.x"
class B(A):
    def f(self):
        return "B.f > " + super().f()
    @classmethod
    def c(cls):
        return "B.c > " + super().c()
    def two_arg(self):
        return super(B, self).f()
    def attr(self):
        return super().x
    def missing(self):
        return super().nope
class C(B):
    def f(self):
        return "C.f > " + super().f()
    def skip(self):
        return super(B, self).f()
c = C()
t(lambda: c.f())
t(lambda: C.c())
t(lambda: c.two_arg())
t(lambda: c.skip())
t(lambda: c.attr())
t(lambda: c.missing())
t(lambda: super(C, c).f())
t(lambda: super(A, c).__repr__() == object.__repr__(c))
t(lambda: super(int, "x"))
t(lambda: super(5, 5))
t(lambda: super())
def outside():
    return super().f()
t(outside)
t(lambda: type(super(C, c)).__name__)
t(lambda: super(C, c).__self__ is c)
t(lambda: super(C, c).__thisclass__.__name__)
t(lambda: super(C, C).c())
t(lambda: super(B, C).c())
class D(A):
    def f(self):
        fn = lambda: super(D, self).f()
        return fn()
t(lambda: D().f())
class E(A):
    def f(self):
        return [super().f() for _ in range(2)]
t(lambda: E().f())
class Init:
    def __init__(self, v):
        self.v = v
class Init2(Init):
    def __init__(self):
        super().__init__(7)
t(lambda: Init2().v)
class NoArg:
    def __init__(self):
        super().__init__(1)
t(lambda: NoArg())
