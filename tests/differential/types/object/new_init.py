# __new__ and __init__ interplay and argument errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class A:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        return super().__new__(cls)
    def __init__(self, *args):
        print("init", args)
t(lambda: type(A(1, 2)).__name__)
class Other:
    pass
class B:
    def __new__(cls):
        return Other()
    def __init__(self):
        print("B.__init__ never runs")
t(lambda: type(B()).__name__)
class C:
    def __new__(cls):
        return 42
t(lambda: C())
class InitRet:
    def __init__(self):
        return 5
t(lambda: InitRet())
class OnlyInit:
    def __init__(self, x):
        self.x = x
t(lambda: OnlyInit(1).x)
t(lambda: OnlyInit())
t(lambda: OnlyInit(1, 2))
class OnlyNew:
    def __new__(cls, x):
        o = super().__new__(cls)
        o.x = x
        return o
t(lambda: OnlyNew(3).x)
t(lambda: object.__new__(OnlyNew).__class__.__name__)
t(lambda: object.__new__(int))
t(lambda: object.__new__(5))
class NoArgs:
    pass
t(lambda: NoArgs(1))
t(lambda: NoArgs(x=1))
class Single:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
t(lambda: Single() is Single())
class Sub(A):
    def __init__(self, *a):
        super().__init__(*a)
        print("sub init")
t(lambda: Sub("z").__class__.__name__)
