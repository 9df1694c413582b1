# type(): one-arg form, three-arg form, errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: type(1).__name__)
t(lambda: type(type).__name__)
t(lambda: type(object).__name__)
t(lambda: type(None).__name__)
X = type("X", (), {"a": 1, "f": lambda self: self.a + 1})
t(lambda: (X.__name__, X().a, X().f(), X.__bases__))
Y = type("Y", (X,), {"a": 10})
t(lambda: (Y().f(), Y.__mro__[1].__name__, issubclass(Y, X)))
t(lambda: type("Z", (1,), {}))
t(lambda: type("Z", (), []))
t(lambda: type(1, (), {}))
t(lambda: type("Z", ()))
t(lambda: type())
t(lambda: type("Z", (bool,), {}))
t(lambda: type("Z", (int, str), {}))
t(lambda: type("Q", (), {"__qualname__": "Outer.Q"}).__qualname__)
t(lambda: type("Q", (), {"__qualname__": 5}))
t(lambda: type("Q", (), {}).__module__)
t(lambda: type.__name__)
t(lambda: int.__class__.__name__)
t(lambda: type.__mro__)
t(lambda: type.__base__)
t(lambda: X.__dict__["a"])
t(lambda: type(X.__dict__).__name__)
def set_dict_item():
    X.__dict__["b"] = 1
t(set_dict_item)
X.b = 2
t(lambda: X().b)
del X.b
t(lambda: X().b)
t(lambda: setattr(int, "foo", 1))
t(lambda: setattr(X, "__name__", "Renamed") or X.__name__)
t(lambda: setattr(X, "__name__", 5))
t(lambda: setattr(X, "__bases__", (int,)))
