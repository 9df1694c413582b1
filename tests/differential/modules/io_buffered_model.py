# Buffered I/O over a Python raw stream: readinto-based raw reads and the
# checks of what they return, read1/readinto1 rules, interleaved reads and
# writes in one buffer, per-class abilities, sizes, re-initialisation.
import io, sys

class Raw(io.RawIOBase):
    def __init__(self, chunks, seekable=True):
        self.chunks = list(chunks)
        self.calls = []
        self._seekable = seekable
        self.written = []
    def readable(self): return True
    def writable(self): return True
    def seekable(self): return self._seekable
    def readinto(self, b):
        self.calls.append(("readinto", len(b), type(b).__name__))
        if not self.chunks:
            return 0
        c = self.chunks.pop(0)
        if c is None:
            return None
        n = min(len(c), len(b))
        b[:n] = c[:n]
        if n < len(c):
            self.chunks.insert(0, c[n:])
        return n
    def write(self, b):
        self.written.append(bytes(b))
        return len(b)
    def tell(self): return 0
    def seek(self, pos, whence=0): return 0

r = Raw([b"abc", b"defgh", b"ijklmnop"])
b = io.BufferedReader(r, 4)
print(b.read(2), b.read1(10), b.read(10), b.read())
print(r.calls)

r = Raw([b"abc", b"def", b"ghi"])
b = io.BufferedReader(r, 4)
buf = bytearray(6)
print(b.read(1), b.readinto1(buf), bytes(buf))
buf = bytearray(10)
print(b.readinto(buf), bytes(buf))

# Non-blocking raw: None means "would block".
r = Raw([b"ab", None, b"cd"])
b = io.BufferedReader(r, 8)
print(b.read(4), b.read(4), b.read(4))

class BadRead(io.RawIOBase):
    def __init__(self, ret): self.ret = ret
    def readable(self): return True
    def readinto(self, b): return self.ret
for ret in (-1, 1000, "x", 2.5):
    b = io.BufferedReader(BadRead(ret), 8)
    try:
        b.read(4)
    except Exception as e:
        print(type(e).__name__, e, type(e.__cause__).__name__)

# Abilities are per class.
print(io.BufferedReader(Raw([])).writable(), io.BufferedWriter(Raw([])).readable(), io.BufferedRandom(Raw([])).readable())
try:
    io.BufferedReader(Raw([])).truncate()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)

# Sizes: the buffer counts until close.
for cls in (io.BufferedReader, io.BufferedWriter, io.BufferedRandom):
    b = cls(Raw([]), 100)
    s1 = sys.getsizeof(b)
    b2 = cls(Raw([]), 300)
    print(cls.__name__, sys.getsizeof(b2) - s1)
    b.close()
    print(cls.__name__, s1 - sys.getsizeof(b))
    try:
        cls(Raw([]), sys.maxsize)
    except (OverflowError, MemoryError, ValueError) as e:
        print(type(e).__name__)

# A failed re-initialisation leaves the object unusable.
b = io.BufferedReader(Raw([b"x"]))
try:
    b.__init__(Raw([]), buffer_size=0)
except ValueError as e:
    print(e)
for op in (b.read, b.peek, b.tell):
    try:
        op()
    except ValueError as e:
        print(e)

# Interleaved reads and writes in a BufferedRandom over BytesIO.
raw = io.BytesIO(b"0123456789" * 3)
f = io.BufferedRandom(raw, 8)
print(f.read(3), f.write(b"ab"), f.tell(), f.read(4), f.seek(1), f.read(3))
f.write(b"XYZ" * 5)
f.seek(0)
print(f.read(), f.tell())
f.flush()
print(raw.getvalue())

# Reader flush after close raises, as does a second flush on a writer.
f = io.BufferedReader(io.BytesIO(b"data"))
f.close()
for op in (f.flush, f.read, f.peek):
    try:
        op()
    except ValueError as e:
        print(op.__name__, e)
