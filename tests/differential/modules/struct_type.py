# _struct: the Struct type (construction, format/size, re-init, subclasses),
# struct.error, the format cache, and argument errors
import _struct as S
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
s = S.Struct("<hI")
print(s.format, s.size, type(s.format).__name__, type(s).__name__, type(s).__module__)
print(s.pack(1, 2), s.unpack(b"\x01\x00\x02\x00\x00\x00"), s.unpack_from(b"xx\x01\x00\x02\x00\x00\x00", 2))
print(S.Struct(b">q").format, S.Struct(format="b").size, S.Struct("  h  ").format)
t(S.Struct)
t(S.Struct, 5)
t(S.Struct, bytearray(b"h"))
t(S.Struct, "h", "i")
t(S.Struct, "h", format="i")
t(S.Struct, fmt="h")
t(S.Struct, "é")
t(S.Struct, "q\0")
t(S.Struct, "y")
t(s.pack, 1)
t(s.pack, 1, 2, 3)
t(s.pack, 1, 2, k=3)
t(s.pack_into, bytearray(6), 0, 1)
t(s.unpack)
t(s.unpack, b"")
t(s.unpack_from)
t(s.unpack_from, b"123456", 1)
print(list(s.iter_unpack(b"123456" * 2)))
s.__init__(">b")
print(s.format, s.size, s.pack(-1))
t(s.__init__, "z")
class Rec(S.Struct):
    kind = "rec"
    def __init__(self, *fields):
        super().__init__("<" + "".join(fields))
        self.fields = fields
    def describe(self):
        return f"{self.kind}:{self.format}:{self.size}:{self.fields}"
r = Rec("h", "d", "3s")
print(r.describe(), r.pack(1, 2.0, b"abc"), r.unpack(r.pack(1, 2.0, b"abc")), isinstance(r, S.Struct))
class Slotted(S.Struct):
    __slots__ = ("x",)
sl = Slotted("i")
sl.x = 4
print(sl.x, sl.size)
print(issubclass(S.error, Exception), S.error.__bases__, S.error.__module__, S.error.__name__, repr(S.error))
try:
    S.pack("h", 70000)
except S.error as e:
    print("caught", type(e).__name__, e.args)
e = S.error("custom", 1)
print(e.args, str(e), isinstance(e, Exception))
print(S.calcsize("h"), S.calcsize(b"h"), S.calcsize("h"), S._clearcache(), S.calcsize("h"))
for i in range(150):
    S.calcsize("%dh" % i)
print(S.calcsize("149h"), S.calcsize("0h"))
t(S.calcsize, ["h"])
t(S.calcsize, 3.5)
t(S.pack)
t(S.pack, None)
t(S.pack, "h", 1, x=2)
t(S.unpack, "h")
t(S.unpack, "h", b"12", b"3")
t(S.iter_unpack, "h")
t(S.calcsize)
t(S.calcsize, "h", "i")
t(S._clearcache, 1)
print([S.Struct(f).__sizeof__() for f in ["", "<hi", "3s", "x", "0i", "bhq5s"]], S.Struct.__name__, S.Struct.__qualname__, repr(S.Struct), repr(type(S.iter_unpack("b", b""))))
