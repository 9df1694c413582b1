# object.__init_subclass__, __subclasshook__, __reduce_ex__ presence, default dunder behaviour
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class A:
    pass
a = A()
a.x = 1
t(lambda: callable(a.__reduce_ex__))
t(lambda: object.__init_subclass__())
t(lambda: A.__init_subclass__ is object.__init_subclass__)
t(lambda: object.__subclasshook__())
t(lambda: A.__subclasshook__(int))
t(lambda: type(a.__sizeof__()).__name__)
t(lambda: a.__dir__ is not None)
t(lambda: sorted(set(dir(a)) - set(dir(object))))
t(lambda: object.__ne__(a, a))
t(lambda: object.__eq__(a, 1))
t(lambda: object.__lt__(a, a))
t(lambda: object.__str__(5))
t(lambda: object.__repr__(5).startswith("<int object at"))
t(lambda: object.__hash__(a) == hash(a))
t(lambda: object.__getattribute__(a, "x"))
t(lambda: object.__getattribute__(a, "y"))
t(lambda: object.__delattr__(a, "x") or hasattr(a, "x"))
t(lambda: object.__init__(a, 1))
t(lambda: object.__new__(A, 1).__class__.__name__)
class WithInit:
    def __init__(self, v):
        pass
t(lambda: object.__new__(WithInit, 1).__class__.__name__)
