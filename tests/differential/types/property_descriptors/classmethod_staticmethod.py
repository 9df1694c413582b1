# classmethod/staticmethod objects and wrapping
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class A:
    @classmethod
    def make(cls, v):
        obj = cls()
        obj.v = v
        return obj
    @staticmethod
    def helper(*args):
        return args
    @classmethod
    @property
    def clsprop(cls):
        return "classprop of " + cls.__name__
class B(A):
    pass
t(lambda: type(B.make(1)).__name__)
t(lambda: B.make(2).v)
t(lambda: A.helper(1, 2))
t(lambda: A().helper())
t(lambda: A.clsprop)
t(lambda: B.clsprop)
sm = staticmethod(lambda x: x * 2)
t(lambda: sm(4))
t(lambda: sm.__func__(5))
t(lambda: callable(sm))
cm = classmethod(lambda cls: cls.__name__)
t(lambda: cm.__get__(None, int)())
t(lambda: cm.__get__(5)())
t(lambda: A.__dict__["helper"].__wrapped__ is A.helper)
t(lambda: A.__dict__["make"].__wrapped__.__name__)
t(lambda: staticmethod())
t(lambda: classmethod(1, 2))
t(lambda: A.make())
class C:
    @staticmethod
    def f():
        return "static"
    g = f
t(lambda: C.g())
t(lambda: C().g())
t(lambda: C.f.__qualname__)
