# cooperative multiple inheritance with super() chains and kwargs
class Base:
    def __init__(self, **kw):
        print("Base", sorted(kw))
        super().__init__()
class Left(Base):
    def __init__(self, left=None, **kw):
        print("Left", left)
        super().__init__(**kw)
class Right(Base):
    def __init__(self, right=None, **kw):
        print("Right", right)
        super().__init__(**kw)
class Bottom(Left, Right):
    def __init__(self, **kw):
        print("Bottom")
        super().__init__(**kw)
Bottom(left=1, right=2, extra=3)
print([c.__name__ for c in Bottom.__mro__])
class Mixin:
    def greet(self):
        return "Mixin+" + super().greet()
class Greeter:
    def greet(self):
        return "Greeter"
class Both(Mixin, Greeter):
    pass
print(Both().greet())
try:
    Mixin().greet()
except AttributeError as e:
    print("AttributeError", e)
class P:
    def __init_subclass__(cls, tag=None, **kw):
        print("init_subclass", cls.__name__, tag)
        super().__init_subclass__(**kw)
class Q(P, tag="q"):
    pass
class R(Q):
    pass
try:
    class S(P, bogus=1, tag=None):
        pass
except TypeError as e:
    print("TypeError", e)
class Prop:
    @property
    def v(self):
        return 1
class Prop2(Prop):
    @property
    def v(self):
        return super().v + 10
print(Prop2().v)
class Setter(Prop):
    def set(self):
        super().v = 5
try:
    Setter().set()
except AttributeError as e:
    print("AttributeError", e)
