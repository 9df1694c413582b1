# object.__setattr__/__delattr__ on builtin instances and type objects
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class A:
    pass
a = A()
t(lambda: object.__setattr__(a, "x", 1) or a.x)
t(lambda: object.__delattr__(a, "x") or hasattr(a, "x"))
t(lambda: object.__delattr__(a, "x"))
t(lambda: object.__setattr__([], "x", 1))
t(lambda: object.__setattr__(A, "y", 1))
t(lambda: object.__setattr__(int, "y", 1))
t(lambda: type.__setattr__(A, "z", 2) or A.z)
t(lambda: type.__setattr__(int, "z", 2))
t(lambda: type.__setattr__(a, "z", 2))
t(lambda: object.__getattribute__(A, "z"))
t(lambda: type.__getattribute__(A, "z"))
t(lambda: type.__getattribute__(a, "z"))
