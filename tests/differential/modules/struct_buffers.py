# _struct: pack_into/unpack_from offsets (negative too), iter_unpack, the
# buffer kinds accepted, and the size/offset error messages
import _struct as S
def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
ba = bytearray(b"\xaa" * 10)
for off in [0, 2, 6, 7, 8, 10, 11, -1, -2, -4, -10, -11, True]:
    b = bytearray(ba)
    t(S.pack_into, "<hh", b, off, 0x1234, -2)
    print(b)
t(S.pack_into, "<hh", bytes(10), 0, 1, 2)
t(S.pack_into, "<hh", "abcdefghij", 0, 1, 2)
t(S.pack_into, "<hh", memoryview(bytes(10)), 0, 1, 2)
mv = memoryview(bytearray(8))
t(S.pack_into, ">I", mv, 2, 0xdeadbeef)
print(mv.tobytes())
t(S.pack_into, "<hh", bytearray(10), 0.0, 1, 2)
t(S.pack_into, "<hh", bytearray(10), 2**64, 1, 2)
t(S.pack_into, "<hh", bytearray(10))
t(S.pack_into, "<hh", bytearray(10), 0)
t(S.pack_into, "<hh", bytearray(10), 0, 1)
t(S.pack_into, "<hh", bytearray(10), 0, 1, 2, 3)
t(S.pack_into, "<hh")
t(S.pack_into)
b = bytearray(b"\xff" * 6)
t(S.pack_into, "<hxh", b, 0, 1, 10**6)
print(b)
data = bytes(range(20))
for off in [0, 1, 12, 13, 16, 17, 20, 21, -1, -4, -5, -20, -21, -100, False]:
    t(S.unpack_from, "<I", data, off)
t(S.unpack_from, "<I", data)
t(S.unpack_from, "<I", buffer=data, offset=3)
t(S.unpack_from, "<I", data, offset=3)
t(S.unpack_from, "<I", b"abc")
t(S.unpack_from, "", b"", -1)
t(S.unpack_from, "", b"abc", 3)
t(S.unpack_from, "", b"abc", 4)
t(S.unpack_from, "<I", data, 1.5)
t(S.unpack_from, "<I", "text")
t(S.unpack_from, "<I", data, 0, 1)
t(S.unpack_from, "<I")
t(S.unpack, "<I", bytearray(b"abcd"))
t(S.unpack, "<I", memoryview(b"xabcdx")[1:5])
t(S.unpack, "<I", b"abc")
t(S.unpack, "<I", b"abcde")
t(S.unpack, "", b"")
t(S.unpack, "<I", [1, 2, 3, 4])
print(list(S.iter_unpack("<hb", bytes(range(12)))))
it = S.iter_unpack(">H", bytearray(b"\x00\x01\x00\x02\x00\x03"))
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
t(next, it)
t(S.iter_unpack, "<h", b"abc")
t(S.iter_unpack, "", b"")
t(S.iter_unpack, "0s", b"abc")
t(S.iter_unpack, "<h", "ab")
t(S.iter_unpack, "<h", 5)
print(list(S.iter_unpack("<i", b"")), iter(it) is it, type(it).__name__)
ba = bytearray(b"\x01\x00\x02\x00")
it = S.iter_unpack("<h", ba)
ba[2] = 9
print(list(it))
try:
    type(it)()
except TypeError as e:
    print(e)
# Offsets near sys.maxsize: the required size is reported without overflow.
import sys as _sys
for call in [lambda: S.pack_into('<I', bytearray(10), _sys.maxsize, 1),
             lambda: S.unpack_from('<I', bytearray(10), _sys.maxsize)]:
    try:
        call()
    except S.error as e:
        print(e)
