# _io.StringIO newline modes and __setstate__, IncrementalNewlineDecoder, BufferedWriter /
# BufferedRandom / BufferedRWPair, abstract base defaults, subclassing
import _io, posix
def e(f):
    try:
        print("ok", repr(f()))
    except Exception as x:
        print(type(x).__name__, x)
for nl in [None, "", "\n", "\r", "\r\n"]:
    s = _io.StringIO("a\nb\r\nc\rd", newline=nl)
    print(repr(nl), repr(s.getvalue()), s.readlines(), s.newlines, s.tell())
    s.write("x\ny")
    print(repr(s.getvalue()), s.newlines, list(_io.StringIO("p\rq\r\nr\n", newline=nl)))
s = _io.StringIO()
print(s.write("hello"), s.seek(10), s.write("!"), repr(s.getvalue()), s.tell(), s.seek(0), s.read(3), s.truncate(), s.getvalue(), s.tell())
e(lambda: s.seek(1, 1))
e(lambda: s.seek(1, 2))
e(lambda: s.seek(-1))
e(lambda: s.seek(0, 5))
e(lambda: s.truncate(-1))
e(lambda: s.write(b"x"))
e(lambda: s.line_buffering)
e(lambda: (s.readable(), s.writable(), s.seekable(), s.isatty()))
e(lambda: s.fileno())
e(lambda: (s.encoding, s.errors))
e(lambda: s.detach())
e(lambda: _io.StringIO(None).getvalue())
e(lambda: _io.StringIO("abc", None).read(None))
e(lambda: _io.StringIO(b"abc"))
e(lambda: _io.StringIO("x", newline="u"))
e(lambda: _io.StringIO("a\nbc\n").readline(1))
e(lambda: _io.StringIO("h\xe9llo\U0001F600").read())
e(lambda: _io.StringIO("x").__getstate__())
with _io.StringIO("ctx") as c:
    print(c.read(), c.closed)
print(c.closed)
e(lambda: c.read())
e(lambda: c.getvalue())
e(lambda: c.write(""))

d = _io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode("a\r")), repr(d.decode("\nb\r")), d.getstate(), repr(d.decode("", final=True)), d.newlines)
d.reset()
print(d.newlines, d.getstate())
d = _io.IncrementalNewlineDecoder(None, False)
print(repr(d.decode("x\r\ny\rz\n")), d.newlines)
d.setstate((b"", 1))
print(repr(d.decode("q")))
e(lambda: _io.IncrementalNewlineDecoder(None, True).decode(b"x"))

base = "/tmp/krait_io_misc_%d" % posix.getpid()
posix.mkdir(base)
p = base + "/w.bin"
w = _io.BufferedWriter(_io.FileIO(p, "w"), 4)
print(repr(w)[:22], w.write(b"ab"), _io.FileIO(p).read(), w.write(b"cdef"), _io.FileIO(p).read(), w.tell())
w.flush()
print(_io.FileIO(p).read(), w.seek(1), w.write(b"X"), w.tell())
w.close()
print(_io.FileIO(p).read(), w.closed)
e(lambda: w.write(b"x"))
e(lambda: w.flush())
e(lambda: w.read())
e(lambda: _io.BufferedWriter(_io.FileIO(p, "r")))
r = _io.BufferedRandom(_io.FileIO(p, "r+"), 8)
print(r.read(2), r.write(b"__"), r.tell(), r.seek(0), r.read(), r.seek(0, 2), r.write(b"END"), r.seek(0), r.read(), r.truncate(3), r.seek(0), r.read())
print(r.readable(), r.writable(), r.seekable(), r.peek(1)[:0], r.read1(5), r.raw.mode)
r.close()
pr = _io.BufferedRWPair(_io.BytesIO(b"input data"), _io.BytesIO())
print(pr.read(5), pr.peek(1)[:1], pr.write(b"out"), pr.readable(), pr.writable(), pr.closed)
pr.flush()
pr.close()
print(pr.closed)
class Raw(_io._RawIOBase):
    def __init__(self, data):
        self.data = data
    def readable(self):
        return True
    def readinto(self, b):
        n = min(len(b), len(self.data))
        b[:n] = self.data[:n]
        self.data = self.data[n:]
        return n
raw = Raw(b"abc\ndefgh\nij")
print(raw.read(2), raw.readline(), raw.readall(), raw.read())
br = _io.BufferedReader(Raw(b"line1\nline2\nend"), 3)
print(br.readline(), br.read(3), list(br))
t = _io.TextIOWrapper(_io.BufferedReader(Raw("x\u00e9\nyz\n".encode())), encoding="utf-8")
print(t.readlines())
class Sink(_io._RawIOBase):
    def __init__(self):
        self.got = []
    def writable(self):
        return True
    def write(self, b):
        self.got.append(bytes(b))
        return len(b)
sk = Sink()
bw = _io.BufferedWriter(sk, 5)
bw.write(b"123")
bw.write(b"4567")
bw.write(b"89")
bw.flush()
print(sk.got)
ib = _io._IOBase()
print(ib.closed, ib.readable(), ib.writable(), ib.seekable(), ib.isatty(), ib.flush())
e(lambda: ib.seek(0))
e(lambda: ib.fileno())
e(lambda: ib.truncate())
e(lambda: ib._checkReadable())
ib.close()
print(ib.closed)
e(lambda: ib.flush())
e(lambda: iter(ib))
e(lambda: _io._RawIOBase().read(2))
e(lambda: _io._BufferedIOBase().read())
e(lambda: _io._BufferedIOBase().write(b""))
e(lambda: _io._TextIOBase().read())
e(lambda: (_io._TextIOBase().encoding, _io._TextIOBase().newlines))
print(issubclass(_io.UnsupportedOperation, OSError), issubclass(_io.UnsupportedOperation, ValueError), _io.UnsupportedOperation.__module__, _io.DEFAULT_BUFFER_SIZE, _io.BlockingIOError is BlockingIOError)
print(sorted(k for k in dir(_io) if not k.startswith("__")))
sb = _io.BytesIO()
for st in [1, (b'ab', 1), (b'ab', 1, None), ('x', 1, None), (b'ab', -1, None), (b'ab', 'x', None), (b'ab', 1, 5), (b'abc', 2, {'k': 1})]:
    try: sb.__setstate__(st); print(sb.getvalue(), sb.tell(), sb.__dict__)
    except Exception as e: print(type(e).__name__, e)
ss = _io.StringIO()
for st in [1, ('ab', None, 1), ('ab', '\n', 1, None), ('a\r\nb', None, 1, None), (b'x', '\n', 1, None), ('ab', '\n', -1, None), ('ab', 'u', 0, None), ('abc', '', 2, {'k': 2})]:
    try: ss.__setstate__(st); print(repr(ss.getvalue()), ss.tell(), ss.__dict__, repr(ss.newlines))
    except Exception as e: print(type(e).__name__, e)
x = _io.StringIO("q\nw", newline=None); x.read(1); y = _io.StringIO(); y.__setstate__(x.__getstate__()); print(repr(y.read()))
posix.unlink(p)
posix.rmdir(base)

# Pickling restores a StringIO through __setstate__ on a bare __new__ object.
import pickle
s = _io.StringIO("abc\ndef", newline=None)
s.read(2)
s.extra = 7
t = pickle.loads(pickle.dumps(s))
print(repr(t.getvalue()), t.tell(), t.extra, t.read())
u = _io.StringIO.__new__(_io.StringIO)
u.__setstate__(('xyz', '\n', 1, None))
print(u.read())
c = _io.StringIO()
c.close()
try:
    c.__setstate__(('a', '\n', 0, None))
except ValueError as e:
    print('ValueError', e)
