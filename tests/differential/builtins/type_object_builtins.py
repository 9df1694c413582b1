# type() and object() as builtins, plus bool/int/str called as converters
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for v in [1, 1.0, 1j, "s", b"b", [], (), {}, set(), frozenset(), None, True, range(1), slice(1), type, object, len, ...]:
    print(type(v).__name__, type(type(v)).__name__)
t(lambda: type(object()) is object)
t(lambda: object.__class__ is type)
t(lambda: type.__class__ is type)
t(lambda: isinstance(object, type) and isinstance(type, object))
t(lambda: type(1, 2))
t(lambda: type(1, 2, 3, 4))
t(lambda: type(name="x"))
t(lambda: str(type))
t(lambda: str(int))
t(lambda: str(object))
class Local:
    pass
t(lambda: str(Local))
t(lambda: repr(Local))
t(lambda: bool("0"), )
t(lambda: int("0x10", 16))
t(lambda: float(" -1.5e3 "))
t(lambda: str(3.0))
t(lambda: list("abc") == ["a", "b", "c"])
t(lambda: tuple({1: 2}))
t(lambda: dict([(1, 2)]))
t(lambda: set("aab") == {"a", "b"})
