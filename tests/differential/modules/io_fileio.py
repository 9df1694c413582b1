# _io.FileIO: modes, read/readall/readinto/write/seek/tell/truncate,
# closefd/opener, attributes, repr, errors, context manager
import _io, posix
base = "/tmp/krait_io_fileio_%d" % posix.getpid()
posix.mkdir(base)
def rel(s):
    return str(s).replace(base, "TMP")
def e(f):
    try:
        print("ok", rel(repr(f())))
    except Exception as x:
        print(type(x).__name__, rel(x))
p = base + "/f.bin"
f = _io.FileIO(p, "w")
print(rel(repr(f)), f.mode, rel(f.name), f.closefd, f.readable(), f.writable(), f.seekable(), f.isatty(), type(f.fileno()).__name__)
e(lambda: f.read())
e(lambda: f.readinto(bytearray(3)))
e(lambda: f.write("x"))
print(f.write(b"abcdef"), f.write(bytearray(b"gh")), f.write(memoryview(b"ij")), f.tell(), f.seek(0, 2), f.seek(-3, 1), f.truncate(), f.truncate(9), f.tell())
f.close()
print(repr(f), f.closed, f.mode)
f.close()
for g in (lambda: f.write(b"x"), lambda: f.fileno(), lambda: f.readable(), lambda: f.seekable(), lambda: f.tell(), lambda: f.read()):
    e(g)
for m in ["r", "rb", "r+", "a", "a+", "wb+", "rb+", "x", "xb+"]:
    try:
        g = _io.FileIO(p, m)
        print(m, g.mode, g.tell(), g.readable(), g.writable())
        g.close()
    except Exception as x:
        print(m, type(x).__name__, rel(x))
g = _io.FileIO(p, "w")
g.write(b"0123456789" * 3)
g.close()
with _io.FileIO(p) as g:
    print(g.read(4), g.read(0), g.tell(), g.seek(25), g.read(), g.read(), g.readall())
    g.seek(0)
    b = bytearray(7)
    print(g.readinto(b), b, g.readinto(memoryview(b)[2:4]), b)
    g.seek(0)
    print(len(g.readall()), g.read(10))
print(g.closed)
fd = posix.open(p, posix.O_RDONLY)
g = _io.FileIO(fd, closefd=False)
print(repr(g) == "<_io.FileIO name=%d mode='rb' closefd=False>" % fd, g.name == fd, g.read(3))
g.close()
print(posix.read(fd, 2))
posix.close(fd)
g = _io.FileIO(p, "r", opener=lambda path, flags: posix.open(path, flags))
print(g.read(2), g.mode)
g.close()
e(lambda: _io.FileIO(p, "r", opener=lambda path, flags: -5))
e(lambda: _io.FileIO(p, "r", opener=lambda path, flags: "x"))
e(lambda: _io.FileIO(p.encode()).name)
e(lambda: _io.FileIO(p, mode=1))
e(lambda: _io.FileIO(p, "rr"))
e(lambda: _io.FileIO(p, "r+a"))
e(lambda: _io.FileIO(p, "q"))
e(lambda: _io.FileIO(p, "r", closefd=False))
e(lambda: _io.FileIO(p + "\0"))
e(lambda: _io.FileIO(base + "/nope"))
e(lambda: _io.FileIO(base))
e(lambda: _io.FileIO(base, "w"))
e(lambda: _io.FileIO(1.5))
e(lambda: _io.FileIO(-3))
e(lambda: _io.FileIO(p, "rb").seek(1.5))
e(lambda: _io.FileIO(p, "rb").seek(0, 5))
e(lambda: _io.FileIO(p, "rb").seek(-1))
e(lambda: _io.FileIO(p, "rb").truncate())
e(lambda: _io.FileIO(p, "ab").read())
x = _io.FileIO(p)
x.name = 5
print(repr(x))
del x.name
print(repr(x)[:22])
x.close()
class F(_io.FileIO):
    pass
y = F(p)
print(rel(repr(y)), isinstance(y, _io._RawIOBase), isinstance(y, _io._IOBase), y.read(3))
y.close()
print(_io.FileIO.__mro__)
print([l for l in _io.FileIO(p)][:1], _io.FileIO(p).readlines()[0][:5], _io.FileIO(p).readline(4))
posix.unlink(p)
posix.rmdir(base)
