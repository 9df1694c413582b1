# isinstance/issubclass with tuples, unions, abstract hooks
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: isinstance(1, int))
t(lambda: isinstance(True, int))
t(lambda: isinstance(1, (str, (float, int))))
t(lambda: isinstance(1, ()))
t(lambda: isinstance(1, int | str))
t(lambda: isinstance(None, type(None) | int))
t(lambda: isinstance(1, 5))
t(lambda: isinstance(1, (int, 5)))
t(lambda: isinstance(1, (5, int)))
t(lambda: issubclass(bool, int))
t(lambda: issubclass(int, (str, object)))
t(lambda: issubclass(1, int))
t(lambda: issubclass(int, 1))
t(lambda: issubclass(int, int | None))
t(lambda: isinstance(int, type))
t(lambda: isinstance(type, type))
t(lambda: isinstance(object, object))
t(lambda: issubclass(type, object))
class Meta(type):
    def __instancecheck__(cls, obj):
        print("instancecheck", type(obj).__name__)
        return obj == "magic"
    def __subclasscheck__(cls, sub):
        print("subclasscheck", sub.__name__)
        return sub is str
class Magic(metaclass=Meta):
    pass
t(lambda: isinstance("magic", Magic))
t(lambda: isinstance("other", Magic))
t(lambda: isinstance(Magic(), Magic))
t(lambda: issubclass(str, Magic))
t(lambda: issubclass(int, Magic))
t(lambda: isinstance("magic", (int, Magic)))
class FakeClass:
    __class__ = int
t(lambda: isinstance(FakeClass(), int))
t(lambda: isinstance(FakeClass(), FakeClass))
t(lambda: type(FakeClass()).__name__)
t(lambda: (list[int]).__origin__)
t(lambda: isinstance([], list[int]))
t(lambda: issubclass(list, list[int]))
t(lambda: repr(int | str))
t(lambda: (int | str).__args__)
t(lambda: int | 5)
