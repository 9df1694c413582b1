# user-defined exception classes: attributes, __str__, __init__ signatures, pickling-free
class ValidationError(Exception):
    def __init__(self, field, message):
        super().__init__(field, message)
        self.field = field
        self.message = message
    def __str__(self):
        return "%s: %s" % (self.field, self.message)
try:
    raise ValidationError("age", "must be positive")
except ValidationError as e:
    print(e, e.args, e.field, repr(e))
class NoSuper(Exception):
    def __init__(self, x):
        self.x = x
e = NoSuper(5)
print(e.args, str(e), repr(e), e.x)
class WithNew(Exception):
    def __new__(cls, *args):
        self = super().__new__(cls, "from new")
        return self
    def __init__(self, *args):
        pass
print(WithNew("ignored").args)
class Hierarchy(Exception):
    pass
class Leaf(Hierarchy, KeyError):
    pass
try:
    raise Leaf("leaf key")
except KeyError as e:
    print("caught as KeyError", type(e).__name__, str(e), Leaf.__mro__[2].__name__)
class BaseDerived(BaseException):
    pass
try:
    try:
        raise BaseDerived("base")
    except Exception:
        print("not caught by Exception")
except BaseException as e:
    print("caught", type(e).__name__)
class ReprErr(Exception):
    def __repr__(self):
        return "custom repr"
print(repr(ReprErr()), [ReprErr()])
try:
    class NotExc:
        pass
    try:
        raise ValueError
    except NotExc:
        pass
except TypeError as e:
    print("TypeError", e)
class Meta(type):
    def __instancecheck__(cls, inst):
        return True
    def __subclasscheck__(cls, sub):
        print("subclasscheck consulted")
        return True
class Magic(Exception, metaclass=Meta):
    pass
try:
    try:
        raise ValueError("v")
    except Magic:
        print("matched via metaclass subclasscheck")
except ValueError:
    print("metaclass hooks are not used for except matching")
