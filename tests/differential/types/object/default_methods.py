# object's default methods: __eq__, __ne__, __hash__, __str__, __format__, __init_subclass__
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class A:
    pass
a, b = A(), A()
t(lambda: (a == a, a == b, a != b, a != a))
t(lambda: a < b)
t(lambda: object() < object())
t(lambda: a.__eq__(b))
t(lambda: a.__eq__(a))
t(lambda: a.__ne__(b))
t(lambda: a.__lt__(b))
t(lambda: hash(a) == hash(a))
t(lambda: format(a, "") == str(a))
t(lambda: format(a, "x"))
t(lambda: object.__format__(a, "s"))
t(lambda: str(a) == repr(a))
t(lambda: type(object()).__name__)
t(lambda: object(1))
t(lambda: A(1))
t(lambda: object().x)
t(lambda: setattr(object(), "x", 1))
t(lambda: A.__name__)
t(lambda: A.__qualname__)
t(lambda: A.__module__)
t(lambda: A.__bases__)
t(lambda: object.__bases__)
t(lambda: A.__mro__)
t(lambda: a.__class__.__name__)
t(lambda: a.__dict__)
a.x = 1
t(lambda: a.__dict__)
t(lambda: A.__doc__)
t(lambda: a.__sizeof__() > 0)
t(lambda: object.__subclasshook__(A))
class WithEq:
    def __eq__(self, o):
        return True
t(lambda: WithEq.__hash__)
t(lambda: WithEq() != WithEq())
