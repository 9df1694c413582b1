# getattr, setattr, hasattr, delattr
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class A:
    cls = "c"
a = A()
t(lambda: getattr(a, "cls"))
t(lambda: getattr(a, "missing"))
t(lambda: getattr(a, "missing", None))
t(lambda: getattr(a, 5))
t(lambda: getattr(a))
t(lambda: getattr(a, "x", 1, 2))
t(lambda: setattr(a, "x", 10))
t(lambda: a.x)
t(lambda: setattr(a, "with space", 1))
t(lambda: getattr(a, "with space"))
t(lambda: setattr(a, b"x", 1))
t(lambda: hasattr(a, "x"))
t(lambda: hasattr(a, "y"))
t(lambda: hasattr(a, 1))
t(lambda: delattr(a, "x"))
t(lambda: delattr(a, "x"))
t(lambda: delattr(a, "cls"))
t(lambda: getattr(1, "real"))
t(lambda: getattr([], "append").__name__)
t(lambda: setattr(1, "real", 2))
t(lambda: setattr([], "x", 1))
t(lambda: delattr(1, "real"))
class Boom:
    @property
    def p(self):
        raise ValueError("boom in property")
    @property
    def q(self):
        raise AttributeError("missing inside")
t(lambda: hasattr(Boom(), "p"))
t(lambda: hasattr(Boom(), "q"))
t(lambda: getattr(Boom(), "q", "default used"))
t(lambda: getattr(Boom(), "p", "default"))
class Dyn:
    def __getattr__(self, n):
        return n.upper()
t(lambda: getattr(Dyn(), "abc"))
t(lambda: hasattr(Dyn(), "anything"))
t(lambda: getattr(A, "__name__"))
t(lambda: getattr(A, "cls"))
setattr(A, "new_cls_attr", 5)
t(lambda: a.new_cls_attr)
class S(str):
    pass
t(lambda: getattr(a, S("cls")))
