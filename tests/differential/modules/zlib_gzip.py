# gzip over zlib: compress/decompress with fixed mtime, GzipFile on BytesIO
# and on a real file, multi-member streams, truncated and corrupt input
import gzip, io, os, zlib
def e(f):
    try:
        r = f()
        print("ok", r if not isinstance(r, bytes) or len(r) < 60 else (len(r), r[:20]))
    except Exception as x:
        print(type(x).__name__, x)
data = b"".join(b"gzip line %d\n" % i for i in range(3000))
for level in (0, 1, 6, 9):
    c = gzip.compress(data, level, mtime=0)
    print(level, len(c), c[:10].hex(), zlib.crc32(c), gzip.decompress(c) == data)
c = gzip.compress(data, mtime=0)
print(gzip.decompress(c + c) == data + data, gzip.decompress(b""))
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as f:
    for i in range(0, len(data), 4096):
        f.write(data[i:i + 4096])
print(buf.getvalue() == c, len(buf.getvalue()))
buf.seek(0)
with gzip.GzipFile(fileobj=buf) as f:
    print(f.read(15), f.readline(), len(f.read()), f.tell())
buf.seek(0)
with gzip.GzipFile(fileobj=buf) as f:
    f.seek(20000)
    print(f.read(12), f.peek(1)[:1])
buf2 = io.BytesIO()
with gzip.GzipFile(fileobj=buf2, mode="wb", mtime=0, filename="name.txt") as f:
    f.write(b"named")
print(buf2.getvalue()[:24])
buf2.seek(0)
with gzip.GzipFile(fileobj=buf2) as f:
    print(f.read(), f.name == "" or f.name)
e(lambda: gzip.decompress(c[:-4]))
e(lambda: gzip.decompress(c[:100]))
e(lambda: gzip.decompress(b"not gzip data at all"))
bad = bytearray(c); bad[-8] ^= 1
e(lambda: gzip.decompress(bytes(bad)))
bad = bytearray(c); bad[-2] ^= 1
e(lambda: gzip.decompress(bytes(bad)))
e(lambda: gzip.decompress(c + b"\x00\x00\x00"))
e(lambda: gzip.decompress(c + b"junk"))
print(zlib.decompress(c, 31) == data, zlib.decompress(c, 47) == data)
base = "/tmp/krait_zlib_gzip_%d" % os.getpid()
os.mkdir(base)
p = base + "/f.txt.gz"
with gzip.open(p, "wt", encoding="utf-8") as f:
    f.write("hello\nworld\n" * 50)
with gzip.open(p, "rt", encoding="utf-8") as f:
    lines = f.readlines()
print(len(lines), lines[:3])
with gzip.open(p, "ab") as f:
    f.write(b"appended member\n")
with gzip.open(p, "rb") as f:
    print(f.read()[-30:])
with open(p, "rb") as f:
    raw = f.read()
print(raw[:3].hex(), gzip.decompress(raw)[-16:])
os.remove(p)
os.rmdir(base)
