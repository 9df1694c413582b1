# type.__new__/__init__ called directly, metaclass conflicts, type.__prepare__
def t(f):
    try:
        r = f()
        print(r.__name__ if isinstance(r, type) else repr(r))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: type.__new__(type, "A", (), {}))
t(lambda: type.__new__(type, "B", (int,), {"x": 1}))
t(lambda: type.__new__(int, "C", (), {}))
t(lambda: type.__new__(type))
t(lambda: type.__init__(type("D", (), {}), "D", (), {}))
t(lambda: type.__init__(type("E", (), {}), "E"))
t(lambda: type.__prepare__("X", ()))
t(lambda: type(type.__prepare__()).__name__)
class M1(type):
    pass
class M2(type):
    pass
A1 = M1("A1", (), {})
A2 = M2("A2", (), {})
t(lambda: type("Both", (A1, A2), {}))
t(lambda: M1("Sub", (A1,), {}))
t(lambda: type("FromM1Base", (A1,), {}).__class__)
