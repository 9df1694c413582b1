# property: getter/setter/deleter, errors, docstrings, subclassing
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class C:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        """The x value."""
        print("get x")
        return self._x
    @x.setter
    def x(self, v):
        print("set x", v)
        self._x = v
    @x.deleter
    def x(self):
        print("del x")
        del self._x
    @property
    def ro(self):
        return "read-only"
c = C()
t(lambda: c.x)
c.x = 5
t(lambda: c.x)
del c.x
t(lambda: c.x)
t(lambda: setattr(c, "ro", 1))
t(lambda: delattr(c, "ro"))
t(lambda: C.x.__doc__)
t(lambda: type(C.x).__name__)
t(lambda: C.x.fget.__name__)
t(lambda: C.ro.fset)
t(lambda: C.x.__get__(None, C) is C.x)
t(lambda: property().__get__(c))
t(lambda: property(lambda s: 1).__set__(c, 2))
class Raising:
    @property
    def bad(self):
        raise AttributeError("inner missing")
    def __getattr__(self, name):
        return "getattr fallback for " + name
t(lambda: Raising().bad)
class Sub(C):
    @C.x.getter
    def x(self):
        return "sub x"
s = Sub()
t(lambda: s.x)
s.x = 3
t(lambda: s._x)
p = property(doc="explicit")
t(lambda: p.__doc__)
class P2:
    val = property(lambda self: 42)
t(lambda: P2().val)
t(lambda: P2.val.__isabstractmethod__)
