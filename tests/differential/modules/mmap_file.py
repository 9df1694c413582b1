# mmap: file-backed maps — whole-file length 0, offsets, the access modes
# (write-through, read-only, copy-on-write), flush, resize truncating the
# file, size() through the map's own duplicated descriptor, the
# constructor's file-size checks
import mmap, posix
base = "/tmp/krait_mmap_file_%d" % posix.getpid()
posix.mkdir(base)
def e(f):
    try:
        print("ok", repr(f()))
    except Exception as x:
        print(type(x).__name__, str(x).replace(base, "TMP"))
def make(name, data):
    p = base + "/" + name
    fd = posix.open(p, posix.O_RDWR | posix.O_CREAT | posix.O_TRUNC)
    posix.write(fd, data)
    return p, fd
def content(p):
    fd = posix.open(p, posix.O_RDONLY)
    d = posix.read(fd, 1 << 20)
    posix.close(fd)
    return d
G = mmap.ALLOCATIONGRANULARITY
p, fd = make("a", b"x" * G + b"hello world\n" + b"y" * 20)
m = mmap.mmap(fd, 0)
print(len(m), m.size(), m[G:G + 5], m.find(b"world"), repr(m).replace(str(len(m)), "N"))
m[G:G + 5] = b"HELLO"
print(m.flush(), content(p)[G:G + 12])
e(lambda: m.flush(1, 10))
e(lambda: m.flush(0, len(m) + 1))
print(m.flush(0, G))
# The map keeps its own descriptor: closing the caller's does not matter.
posix.close(fd)
print(m.size(), len(m))
m.resize(G + 5)
print(len(m), m.size(), posix.stat(p).st_size, m[G:])
m.resize(2 * G)
print(len(m), m.size(), posix.stat(p).st_size, m[G:G + 6])
e(lambda: m.resize(-1))
m.close()
m.close()
print(m.closed, repr(m))
fd = posix.open(p, posix.O_RDWR)
o = mmap.mmap(fd, 5, offset=G)
print(o[:], len(o), repr(o))
o[0] = ord("J")
o.resize(3)
print(o[:], o.size(), posix.stat(p).st_size)
o.close()
e(lambda: mmap.mmap(fd, 10, offset=1))
e(lambda: mmap.mmap(fd, 0, offset=10 * G))
e(lambda: mmap.mmap(fd, 10 * G))
e(lambda: mmap.mmap(fd, 10, offset=-1))
e(lambda: mmap.mmap(fd, -1))
posix.ftruncate(fd, 0)
e(lambda: mmap.mmap(fd, 0))
posix.ftruncate(fd, 16)
posix.lseek(fd, 0, 0)
posix.write(fd, b"0123456789abcdef")
r = mmap.mmap(fd, 16, access=mmap.ACCESS_READ)
print(r[:], repr(r), memoryview(r).readonly)
e(lambda: r.__setitem__(0, 65))
e(lambda: r.__setitem__(slice(0, 2), b"ab"))
e(lambda: r.write(b"a"))
e(lambda: r.write_byte(65))
e(lambda: r.move(0, 1, 1))
e(lambda: r.resize(20))
print(r.flush(), r.read(4), r.readline())
r.close()
c = mmap.mmap(fd, 16, access=mmap.ACCESS_COPY)
c[:4] = b"COPY"
print(c[:], c.flush(), content(p), repr(c))
e(lambda: c.resize(32))
c.close()
w = mmap.mmap(fd, 16, access=mmap.ACCESS_WRITE)
w[:4] = b"WRIT"
w.close()
print(content(p))
pr = mmap.mmap(fd, 16, prot=mmap.PROT_READ)
print(repr(pr))
e(lambda: pr.write(b"x"))
pr.close()
pv = mmap.mmap(fd, 16, flags=mmap.MAP_PRIVATE)
pv[:2] = b"pv"
print(pv[:4], content(p)[:4], repr(pv))
pv.close()
e(lambda: mmap.mmap(fd, 16, access=mmap.ACCESS_READ, prot=mmap.PROT_READ))
e(lambda: mmap.mmap(fd, 16, access=mmap.ACCESS_WRITE, flags=mmap.MAP_PRIVATE))
e(lambda: mmap.mmap(fd, 16, access=7))
e(lambda: mmap.mmap(-2, 16))
e(lambda: mmap.mmap(9999, 16))
posix.close(fd)
for n in posix.listdir(base):
    posix.unlink(base + "/" + n)
posix.rmdir(base)
