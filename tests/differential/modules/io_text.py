# _io.TextIOWrapper and open(): encodings, newline modes, line reading,
# tell/seek cookies, reconfigure, detach, errors and argument checking
import _io, posix
base = "/tmp/krait_io_text_%d" % posix.getpid()
posix.mkdir(base)
def rel(s):
    return str(s).replace(base, "TMP")
def e(f):
    try:
        print("ok", rel(repr(f())))
    except Exception as x:
        print(type(x).__name__, rel(x))
p = base + "/t.txt"
with _io.open(p, "w") as f:
    print(rel(repr(f)), f.encoding, f.errors, f.line_buffering, f.write_through, f.newlines, f.mode, rel(f.name), type(f.buffer).__name__)
    print(f.write("héllo\nwörld\r\nthird\rlast"), f.tell())
print(f.closed)
data = _io.open(p, "rb").read()
print(data)
for nl in [None, "", "\n", "\r", "\r\n"]:
    with _io.open(p, newline=nl) as f:
        print(repr(nl), f.readlines(), f.newlines)
    with _io.open(p, newline=nl) as f:
        print(repr(nl), repr(f.read()), f.newlines)
for nl in [None, "", "\n", "\r", "\r\n"]:
    with _io.open(p, "w", newline=nl) as f:
        f.write("a\nb\r\nc\rd\n")
    print(repr(nl), _io.open(p, "rb").read())
with _io.open(p, "w", encoding="utf-8") as f:
    for i in range(3000):
        f.write("line %d é\n" % i)
with _io.open(p, encoding="utf-8") as f:
    print(f.readline(), f.readline(4), f.readline(), f.tell())
    pos = f.tell()
    a = f.read(20)
    f.seek(pos)
    print(f.read(20) == a, repr(a))
    lines = list(f)
    print(len(lines), lines[-1], f.tell(), f.read(), f.readline())
    f.seek(0)
    print(len(f.read()), f.seek(0, 2), f.read())
    f.seek(0)
    n = 0
    while True:
        t = f.tell()
        l = f.readline()
        if not l:
            break
        n += 1
        if n == 1234:
            saved = (t, l)
    f.seek(saved[0])
    print(n, saved[1] == f.readline())
    e(lambda: f.seek(1, 1))
    e(lambda: f.seek(1, 2))
    e(lambda: f.seek(0, 3))
    e(lambda: f.seek(-1))
    e(lambda: f.write("x"))
with _io.open(p, "w", encoding="latin-1") as f:
    f.write("caf\xe9 \xff")
print(_io.open(p, "rb").read(), _io.open(p, encoding="latin-1").read())
e(lambda: _io.open(p, encoding="utf-8").read())
print(repr(_io.open(p, encoding="utf-8", errors="replace").read()), repr(_io.open(p, encoding="utf-8", errors="surrogateescape").read()))
e(lambda: _io.open(p, "w", encoding="ascii").write("é"))
w = _io.open(p, "w", encoding="ascii", errors="backslashreplace")
w.write("é\u20ac")
w.close()
print(_io.open(p, "rb").read())
with _io.open(p, "w+") as f:
    f.write("abc\ndef\n")
    f.seek(0)
    print(repr(f.read()), f.tell(), rel(repr(f)), type(f.buffer).__name__)
    f.reconfigure(newline="\r\n")
    f.write("x\n")
    f.reconfigure(line_buffering=True, write_through=True)
    print(f.line_buffering, f.write_through)
print(_io.open(p, "rb").read())
with _io.open(p, "a") as f:
    f.write("tail")
print(_io.open(p).read())
with _io.open(p, "r+b") as f:
    print(type(f).__name__, f.read(3), f.write(b"Z"), f.seek(0), f.read())
with _io.open(p, "ab") as f:
    print(type(f).__name__, f.tell(), f.write(b"!"))
f = _io.open(p, "rb", buffering=0)
print(type(f).__name__, f.read(2))
f.close()
t = _io.TextIOWrapper(_io.BytesIO(b"one\ntwo\nthree"), encoding="utf-8")
print(repr(t), t.readline(), t.read(2), t.tell(), list(t))
b = t.detach()
print(type(b).__name__)
e(lambda: t.read())
e(lambda: repr(t))
t = _io.TextIOWrapper(_io.BytesIO())
t.write("x\ny")
t.flush()
print(t.buffer.getvalue(), t.encoding)
e(lambda: _io.TextIOWrapper(_io.BytesIO(), newline="u"))
e(lambda: _io.TextIOWrapper(_io.BytesIO(), encoding="nope"))
e(lambda: _io.TextIOWrapper(_io.BytesIO(), encoding=5))
e(lambda: _io.TextIOWrapper(_io.BytesIO(), errors=5))
e(lambda: _io.TextIOWrapper(_io.BytesIO()).write(b"x"))
e(lambda: _io.open(p, "q"))
e(lambda: _io.open(p, "rw"))
e(lambda: _io.open(p, "rb", encoding="u"))
e(lambda: _io.open(p, "rb", errors="u"))
e(lambda: _io.open(p, "rb", newline="u"))
e(lambda: _io.open(p, "r", newline="u"))
e(lambda: _io.open(p, "r", buffering=0))
e(lambda: _io.open(p, "U"))
e(lambda: _io.open(p, "rbt"))
e(lambda: _io.open(1.5))
e(lambda: _io.open(p, 5))
e(lambda: _io.open(p, "r", encoding=5))
e(lambda: _io.open(base + "/nope"))
e(lambda: _io.open(base, "w"))
e(lambda: _io.open(p, "+"))
e(lambda: _io.open(p, "x"))
e(lambda: _io.open(p, "r", foo=1))
with _io.open(p, "w", encoding="utf-8-sig") as f:
    f.write("h\xe9\n")
    f.write("two\n")
print(_io.open(p, "rb").read())
with _io.open(p, encoding="utf-8-sig") as f:
    print(repr(f.read()), f.encoding)
with _io.open(p, encoding="utf-8-sig") as f:
    print(repr(f.readline()), f.tell(), repr(f.read(2)))
    f.seek(0)
    print(repr(f.readline()))
with _io.open(p, encoding="utf-8") as f:
    print(repr(f.read()))
with _io.open(p, "a", encoding="utf-8-sig") as f:
    f.write("more")
print(_io.open(p, "rb").read())
print(repr(_io.TextIOWrapper(_io.BytesIO(b"no bom"), encoding="UTF-8-SIG").read()))
print(repr(_io.TextIOWrapper(_io.BytesIO(b"\xef\xbb"), encoding="utf_8_sig").read()))
with _io.open(p) as f:
    print(repr(next(f)))
    e(lambda: f.tell())
    print(len(list(f)), f.tell())
f = _io.open(p)
f.close()
for g in (lambda: f.read(), lambda: f.readline(), lambda: f.write("x"), lambda: f.tell(), lambda: f.seek(0), lambda: next(f), lambda: f.closed):
    e(g)
posix.unlink(p)
posix.rmdir(base)
