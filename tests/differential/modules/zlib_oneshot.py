# zlib.compress/decompress: levels, wbits families (raw, zlib, gzip, auto),
# bufsize, buffer-protocol arguments, checksums and constants
import zlib
def e(f):
    try:
        r = f()
        print("ok", r if not isinstance(r, bytes) or len(r) < 60 else (len(r), r[:20]))
    except Exception as x:
        print(type(x).__name__, x)
data = b"".join(b"line %d: the quick brown fox jumps over the lazy dog\n" % i for i in range(400))
for level in (-1, 0, 1, 5, 9):
    c = zlib.compress(data, level)
    print(level, len(c), zlib.crc32(c), zlib.decompress(c) == data)
print(zlib.compress(b"") , zlib.compress(b"", 0), zlib.compress(b"a", level=9))
for wbits in (-15, -12, -9, 9, 12, 15, 25, 28, 31):
    c = zlib.compress(data, 6, wbits)
    print(wbits, len(c), c[:3].hex(), zlib.crc32(c[10:] if wbits > 16 else c), zlib.decompress(c, wbits) == data)
    if wbits > 0:
        print("auto", zlib.decompress(c, 32 + (wbits & 15)) == data, zlib.decompress(c, 47) == data)
print(zlib.decompress(zlib.compress(data), bufsize=1) == data)
print(zlib.decompress(zlib.compress(data), 15, 0) == data)
print(zlib.decompress(zlib.compress(data) + b"trailing junk") == data)
print(zlib.decompress(bytearray(zlib.compress(b"abc"))), zlib.decompress(memoryview(zlib.compress(b"abc"))))
print(zlib.compress(bytearray(b"xyz")) == zlib.compress(memoryview(b"xyz")) == zlib.compress(b"xyz"))
e(lambda: zlib.compress("text"))
e(lambda: zlib.compress(None))
e(lambda: zlib.compress(b"x", 10))
e(lambda: zlib.compress(b"x", -2))
e(lambda: zlib.compress(b"x", 6, 7))
e(lambda: zlib.compress(b"x", 1.5))
e(lambda: zlib.compress(b"x", wbits=50))
e(lambda: zlib.compress())
e(lambda: zlib.compress(data=b"x"))
e(lambda: zlib.compress(b"x", 1, 15, 3))
e(lambda: zlib.decompress(b"abc"))
e(lambda: zlib.decompress(b""))
e(lambda: zlib.decompress(zlib.compress(data)[:-5]))
e(lambda: zlib.decompress(zlib.compress(data)[:20]))
e(lambda: zlib.decompress(zlib.compress(b"x"), -15))
e(lambda: zlib.decompress(zlib.compress(b"x", 6, -15)))
e(lambda: zlib.decompress(zlib.compress(b"x", 6, 31)))
e(lambda: zlib.decompress(zlib.compress(b"x", 6, 31), 15))
e(lambda: zlib.decompress(b"x\x9c" + b"\xff" * 10))
e(lambda: zlib.decompress(zlib.compress(b"x"), 8))
e(lambda: zlib.decompress(zlib.compress(b"x"), 100))
e(lambda: zlib.decompress(zlib.compress(b"x"), bufsize=-1))
e(lambda: zlib.decompress(zlib.compress(b"x"), wbits=15, bufsize=2))
e(lambda: zlib.decompress("x"))
# zlib header with a preset-dictionary flag
e(lambda: zlib.decompress(zlib.compressobj(zdict=b"dictionary").compress(b"dictionary") + b""))
co = zlib.compressobj(zdict=b"abcabc")
z = co.compress(b"abcabcabc") + co.flush()
e(lambda: zlib.decompress(z))
# checksums
for s in (b"", b"a", b"abc", data):
    print(zlib.crc32(s), zlib.adler32(s), zlib.crc32(s, 1), zlib.adler32(s, 0))
print(zlib.crc32(b"abc", 0xffffffff), zlib.crc32(b"abc", -1), zlib.crc32(b"abc", 2**32 + 7), zlib.crc32(b"abc", -2**40))
print(zlib.adler32(b"abc", 2**33), zlib.adler32(b"abc", True), zlib.crc32(bytearray(b"q")), zlib.crc32(memoryview(b"qq")[1:]))
crc = 0
for i in range(0, len(data), 777):
    crc = zlib.crc32(data[i:i + 777], crc)
print(crc == zlib.crc32(data))
e(lambda: zlib.crc32("abc"))
e(lambda: zlib.crc32(b"abc", 1.0))
e(lambda: zlib.crc32(b"abc", None))
e(lambda: zlib.crc32())
e(lambda: zlib.crc32(b"a", 1, 2))
e(lambda: zlib.adler32(b"a", value=1))
names = [n for n in dir(zlib) if n[0].isupper()]
print(names)
print([getattr(zlib, n) for n in names if n != "ZLIB_VERSION" and n != "ZLIB_RUNTIME_VERSION"])
print(zlib.ZLIB_VERSION == zlib.ZLIB_RUNTIME_VERSION, zlib.ZLIB_VERSION[:2], zlib.__version__)
print(zlib.error.__name__, zlib.error.__module__, zlib.error.__mro__[1].__name__)
print(sorted(n for n in dir(zlib) if not n.startswith("_")))
