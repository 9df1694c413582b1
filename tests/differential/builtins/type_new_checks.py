# type(): name and docstring must encode to UTF-8, nonempty __slots__ on
# variable-size bases, an OrderedDict namespace keeps its order, and a
# class attribute named __dict__ wins over the instance-dict descriptor.
import collections

for args in [
    ("A\udcdcB", (), {}),
    ("A\x00B", (), {}),
    ("A", (), {"__doc__": "x\udcdcy"}),
    ("A", (int,), {"__slots__": "x"}),
    ("A", (tuple,), {"__slots__": ("a", "b")}),
    ("A", (int,), {"__slots__": ()}),
    ("A", (int,), {"__slots__": "__dict__"}),
]:
    try:
        t = type(*args)
        print("ok", t.__name__, t.__doc__)
    except Exception as e:
        print(type(e).__name__, e)

C = type("C", (), {})
for name in ["A\udcdcB", "A\x00B"]:
    try:
        C.__name__ = name
    except Exception as e:
        print(type(e).__name__, e, C.__name__)

od = collections.OrderedDict([("a", 1), ("b", 2)])
od.move_to_end("a")
print(list(type("D", (), od).__dict__.items())[:2])

class V:
    def getd(self):
        return {"a": 2}
    __dict__ = property(getd)
print(vars(V()), type(V.__dict__["__dict__"]).__name__)
