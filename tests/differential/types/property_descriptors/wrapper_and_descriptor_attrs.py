# classmethod/staticmethod __dict__ and __wrapped__, property's read-only
# fields and 3.11 doc copying, method-wrapper __objclass__, classmethod
# descriptor __get__ checks.
def f(x):
    "f docstring"
    return x

cm = classmethod(f)
print(sorted(cm.__dict__.items(), key=str))
cm.x = 42
print(cm.x, sorted(cm.__dict__))
del cm.x
print(hasattr(cm, "x"), cm.__wrapped__ is f)
sm = staticmethod(None)
print(sm.__dict__)

p = property(f)
for attr in "fget", "fset", "fdel":
    try:
        setattr(p, attr, 42)
    except AttributeError as e:
        print("AttributeError:", e)

class Base:
    @property
    def spam(self):
        """Base.getter"""
        return 1
    @spam.setter
    def spam(self, v):
        pass

class Sub(Base):
    @Base.spam.getter
    def spam(self):
        """Sub.getter"""
        return 2

print(Base.spam.__doc__, Sub.spam.__doc__, Sub().spam)

class WithDoc:
    spam = property(lambda self: 1, doc="given")
    @spam.getter
    def spam(self):
        """ignored"""
        return 3
print(WithDoc.spam.__doc__)

class PropertySubSlots(property):
    __slots__ = ()
try:
    class Foo:
        @PropertySubSlots
        def spam(self):
            """copying this raises"""
            return 1
except AttributeError as e:
    print("AttributeError raised")

for n in (0, 1, 3):
    try:
        property().__set_name__(*([0] * n))
    except TypeError as e:
        print("TypeError:", e)

l = []
print(l.__add__.__objclass__ is list)

descr = dict.__dict__["fromkeys"]
print(descr.__get__(None, dict)("ab"))
for args in [(None, None), (42,), (None, 42), (None, int)]:
    try:
        descr.__get__(*args)
    except TypeError as e:
        print("TypeError:", e)
