# __slots__: restrictions, defaults, inheritance, __dict__ / __weakref__ slots
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class Pt:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
p = Pt(1)
t(lambda: p.x)
t(lambda: p.y)
t(lambda: setattr(p, "z", 3))
t(lambda: p.__dict__)
t(lambda: hasattr(p, "__dict__"))
p.y = 2
del p.y
t(lambda: p.y)
def del_again():
    del p.y
t(del_again)
t(lambda: type(Pt.x).__name__)
t(lambda: Pt.__slots__)
class Sub(Pt):
    pass
s = Sub(5)
s.z = 9
t(lambda: (s.x, s.z, s.__dict__))
class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.a = 1
w.b = 2
t(lambda: (w.a, w.__dict__))
t(lambda: type("Bad", (), {"__slots__": ("v",), "v": 1}))
t(lambda: type("Dup", (), {"__slots__": ("a", "a")}))
t(lambda: type("NotId", (), {"__slots__": ("1a",)}))
class One:
    __slots__ = "single"
o = One()
o.single = "ok"
t(lambda: o.single)
t(lambda: One.__slots__)
class E:
    __slots__ = ()
t(lambda: setattr(E(), "a", 1))
class A1:
    __slots__ = ("a",)
class B1:
    __slots__ = ("b",)
t(lambda: type("C1", (A1, B1), {}))
class Base:
    __slots__ = ("v",)
class Child(Base):
    __slots__ = ("w",)
c = Child()
c.v, c.w = 1, 2
t(lambda: (c.v, c.w))
t(lambda: setattr(c, "q", 1))
