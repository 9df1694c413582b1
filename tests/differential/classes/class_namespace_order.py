# class namespace preserves definition order; __dict__ contents and __qualname__ of members
class Ordered:
    z = 1
    a = 2
    def m(self):
        pass
    b = 3
    class Inner:
        pass
    _private = 4
print([k for k in Ordered.__dict__ if not k.startswith("__")])
print(Ordered.Inner.__qualname__, Ordered.m.__qualname__)
class WithSlots:
    __slots__ = ("q", "p")
print([k for k in WithSlots.__dict__ if not k.startswith("__")])
class Meta(type):
    def __new__(m, name, bases, ns):
        print("namespace keys:", [k for k in ns if not k.startswith("__")])
        print("has __module__, __qualname__:", "__module__" in ns, "__qualname__" in ns)
        return super().__new__(m, name, bases, ns)
class Tracked(metaclass=Meta):
    first = 1
    def second(self):
        pass
    third = 3
class Annotated:
    x: int
    y: str = "s"
print(Annotated.__annotations__, list(Annotated.__annotations__))
