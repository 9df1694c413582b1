# TextIOWrapper details: pending writes never exceed the chunk size,
# reconfigure's flags are C longs (validated before any change), a failed
# re-initialisation leaves it unusable, text_encoding(), a decode error in
# readline loses the partial line.
import io

class Raw(io.RawIOBase):
    def __init__(self): self.stack = []
    def writable(self): return True
    def write(self, b):
        if len(b) > 8192:
            raise RuntimeError("too big")
        self.stack.append(bytes(b))
        return len(b)

raw = Raw()
t = io.TextIOWrapper(raw, encoding="ascii")
t.write("abc"); t.write("def")
print(raw.stack)
try:
    t.write("x" * 8193)
except RuntimeError as e:
    print(e, raw.stack)
t.write("ghi"); t.write("x" * 8192)
print([len(x) for x in raw.stack])

class BadIndex:
    def __index__(self): 1 / 0
txt = io.TextIOWrapper(io.BytesIO(), "ascii", "replace", "\r")
for kw in ({"line_buffering": BadIndex()}, {"write_through": 2 ** 1000}, {"line_buffering": BadIndex(), "write_through": BadIndex()}):
    try:
        txt.reconfigure(**kw)
    except Exception as e:
        print(type(e).__name__)
print(txt.line_buffering, txt.write_through)
txt.reconfigure(line_buffering=5)
print(txt.line_buffering)

b = io.BytesIO(b"abc\n")
t = io.TextIOWrapper(b, encoding="utf-8")
try:
    t.__init__(b, encoding="utf-8", newline="xyzzy")
except ValueError as e:
    print(e)
try:
    t.read()
except ValueError as e:
    print(e)

print(io.text_encoding(None), io.text_encoding("latin-1"))

data = b"A\nB\r\nC\r" + b"123456789\n" * 1000 + b"\x80"
t = io.TextIOWrapper(io.BytesIO(data), encoding="ascii")
print(repr(t.readline()), repr(t.readline()), repr(t.readline()))
try:
    list(t)
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e.start)
print(repr(t.readline()), repr(t.readline()))

import codecs
for name in ("\udcfe", "utf-8\0"):
    try:
        codecs.lookup(name)
    except Exception as e:
        print(type(e).__name__)
