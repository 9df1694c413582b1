# special class attributes and type methods
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class Outer:
    """Outer doc."""
    class Inner:
        def meth(self):
            pass
    def method(self):
        def local():
            pass
        return local
t(lambda: Outer.__doc__)
t(lambda: Outer.Inner.__qualname__)
t(lambda: Outer.Inner.meth.__qualname__)
t(lambda: Outer().method().__qualname__)
t(lambda: Outer.__name__)
t(lambda: Outer.__module__)
t(lambda: sorted(k for k in Outer.__dict__ if not k.startswith("__")))
t(lambda: "__dict__" in Outer.__dict__)
t(lambda: "__weakref__" in Outer.__dict__)
t(lambda: Outer.__init__ is object.__init__)
t(lambda: type.__instancecheck__(int, 1))
t(lambda: type.__subclasscheck__(int, bool))
t(lambda: int.__subclasscheck__(int))
t(lambda: type.__call__(int, "5"))
t(lambda: type.__dict__["__name__"].__get__(int))
t(lambda: dir(Outer) == sorted(dir(Outer)))
t(lambda: "method" in dir(Outer))
t(lambda: "__class__" in dir(Outer))
t(lambda: Outer.__class__.__name__)
t(lambda: Outer.__basicsize__ > 0)
t(lambda: Outer.__flags__ > 0)
t(lambda: type(Outer.__dict__["method"]).__name__)
t(lambda: type(Outer.method).__name__)
t(lambda: type(Outer().method).__name__)
t(lambda: Outer().method.__self__.__class__.__name__)
t(lambda: Outer().method.__func__ is Outer.method)
t(lambda: Outer.__abstractmethods__)
