# array.array: every typecode, construction from each initializer kind,
# item conversion and its per-typecode errors, repr, attributes
from array import array
import array as arraymod
def e(f):
    try:
        print("ok", f())
    except Exception as x:
        print(type(x).__name__, x)
print(arraymod.typecodes, arraymod.ArrayType is array, array.__module__, array.__name__)
for tc in arraymod.typecodes:
    init = "hello" if tc == "u" else [1, 2, 3]
    a = array(tc, init)
    print(tc, a.typecode, a.itemsize, len(a), a, a.tolist(), a.tobytes().hex(), repr(array(tc)))
for tc, vals in [("b", (-128, 127, -129, 128, -32769)), ("B", (0, 255, -1, 256)), ("h", (-32768, 32767, -32769, 32768)),
                 ("H", (0, 65535, -1, 65536, 2**31, -2**31 - 1)), ("i", (-2**31, 2**31 - 1, -2**31 - 1, 2**31)),
                 ("I", (0, 2**32 - 1, -1, 2**32, 2**64)), ("l", (-2**63, 2**63 - 1, 2**63, -2**63 - 1)),
                 ("L", (0, 2**64 - 1, -1, 2**64)), ("q", (-2**63, 2**63 - 1, 2**63)), ("Q", (0, 2**64 - 1, -1, 2**64))]:
    for v in vals:
        e(lambda: array(tc, [v]).tolist())
for tc in "bBhHiIlLqQ":
    e(lambda: array(tc, [1.5]))
    e(lambda: array(tc, ["1"]))
    print(tc, array(tc, [True, False]).tolist())
for tc in "fd":
    print(tc, array(tc, [1, 2.5, -0.0, 1e30, float("inf")]).tolist())
    e(lambda: array(tc, ["x"]))
    e(lambda: array(tc, [None]))
    e(lambda: array(tc, [2**2000]))
print(array("f", [0.1]).tolist(), array("d", [0.1]).tolist())
e(lambda: array("u", ["ab"]))
e(lambda: array("u", [1]))
e(lambda: array("u", "\U0001f600x").tolist())
e(lambda: array("x"))
e(lambda: array("ii"))
e(lambda: array(1))
e(lambda: array())
e(lambda: array("i", [1], 2))
e(lambda: array("i", "abc"))
e(lambda: array("i", x=1))
e(lambda: array("i", 5))
e(lambda: array("i", array("u", "a")))
print(array("i", b"\x01\x00\x00\x00\x02\x00\x00\x00"), array("h", bytearray(b"\x01\x00")))
e(lambda: array("i", b"\x01\x00\x00"))
print(array("d", array("i", [1, 2])), array("i", array("i", [7, 8])), array("b", range(3)), array("i", (4, 5)), array("i", iter([6])))
print(array("B", b"abc"), array("u", "xyz"), array("u", array("u", "q")))
a = array("i", [3, 1, 2])
print(a[0], a[-1], a[1:], a[::-1], a[5:], a[::2], type(a[1:]).__name__)
e(lambda: a[3])
e(lambda: a[-4])
e(lambda: a["x"])
e(lambda: a[1.0])
class Sub(array):
    pass
s = Sub("i", [1, 2])
print(s, repr(Sub("d")), type(s[:]).__name__, type(s + s).__name__, isinstance(s, array))
s.attr = 5
print(s.attr, s.__dict__)
def typename_only(f):
    # messages naming the type differ: krait's static types report their short name
    try:
        f()
    except TypeError as x:
        print("TypeError")
typename_only(lambda: array[int])
typename_only(lambda: hash(array("i")))
e(lambda: array("i").typecode.__class__.__name__)
print(array("i", [1]).buffer_info()[1], array("i").buffer_info())
try:
    setattr(array("i"), "typecode", "d")
except AttributeError:
    print("AttributeError")
import weakref
w = weakref.ref(a)
print(w() is a)
import collections.abc
print(isinstance(array("i"), collections.abc.MutableSequence), issubclass(array, collections.abc.Sequence))
