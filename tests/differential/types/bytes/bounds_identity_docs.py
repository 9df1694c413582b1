# bytes/bytearray: huge ints in `in` and indexing, b * 1 identity, docs,
# bytearray construction order, extended-slice deletion by assignment.
import sys
for b in [b"abc", bytearray(b"abc")]:
    for v in [sys.maxsize + 1, -sys.maxsize - 2, 2**100, 256, -1, 97]:
        try:
            print(type(b).__name__, "in", v, v in b)
        except Exception as e:
            print(type(b).__name__, "in", v, type(e).__name__, e)
    for i in [sys.maxsize + 1, -2**70, 3, -4, 2]:
        try:
            print(type(b).__name__, "[]", i, b[i])
        except Exception as e:
            print(type(b).__name__, "[]", i, type(e).__name__, e)
a = b"xyz"
print(a * 1 is a, a * 0 == b"", (a * 2)[:4])
class SB(bytes): pass
print(type(SB(b"q") * 1).__name__)
print(bytes.__doc__.startswith("bytes("), bytearray.__doc__.startswith("bytearray("))

class B(bytes):
    def __index__(self):
        raise TypeError
class C(bytes):
    def __index__(self):
        raise ValueError("no")
print(bytearray(B(b"foobar")), bytes(B(b"foo")))
try:
    bytearray(C(b"x"))
except ValueError as e:
    print(type(e).__name__, e)

b = bytearray(b"old")
seen = []
def g():
    for i in range(1, 6):
        yield i
        seen.append(list(b))
b.__init__(g())
print(b, seen)
b.__init__()
print(b)
try:
    bytearray(5.0)
except TypeError as e:
    print(type(e).__name__, e)

for key in [slice(1, -1, 2), slice(1, 1, 2), slice(None, None, -3)]:
    b = bytearray(b"abcdefgh")
    b[key] = b""
    print(key, b)
b = bytearray(b"ab")
m = memoryview(b)
for key in [slice(None, None, 2), slice(1, 1, 2)]:
    try:
        b[key] = b""
    except BufferError as e:
        print(type(e).__name__, e)
m.release()

class S(bytearray):
    __slots__ = ("x", "y", "__weakref__")
s = S(b"ab"); s.x = 1
print(s.__reduce_ex__(2)[2], s.__reduce_ex__(4)[2], S(b"").__reduce_ex__(2)[2])
class D(bytearray): pass
d = D(b"c"); d.z = 5
print(d.__reduce_ex__(3))
