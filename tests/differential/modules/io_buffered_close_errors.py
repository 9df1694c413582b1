# close() of buffered objects and pairs: flush goes through the object's
# own (overridable) flush; failures chain; BufferedRWPair closes both.
import io

class Raw(io.RawIOBase):
    def readable(self): return True
    def writable(self): return True
    def readinto(self, b): return 0
    def write(self, b): return len(b)

for cls in (io.BufferedReader, io.BufferedWriter, io.BufferedRandom):
    raw = Raw()
    def bad_close():
        raise OSError("close failed")
    def bad_flush():
        raise OSError("flush failed")
    raw.close = bad_close
    b = cls(raw) if cls is not io.BufferedRandom else cls(type("R", (Raw,), {"seekable": lambda s: True, "tell": lambda s: 0, "seek": lambda s, *a: 0})())
    if cls is io.BufferedRandom:
        b.raw.close = bad_close
    b.flush = bad_flush
    try:
        b.close()
    except OSError as e:
        print(cls.__name__, e, "| context:", e.__context__)
    print(b.closed)
    b.flush = lambda: None
    b.raw.close = lambda: None

class Rec(io.BufferedWriter):
    def flush(self):
        print("flush called")
        return super().flush()
r = Rec(Raw())
r.write(b"x")
r.close()
print(r.closed)

def reader_close():
    reader_non_existing
def writer_close():
    writer_non_existing
reader = Raw(); writer = Raw()
reader.close = reader_close
writer.close = writer_close
pair = io.BufferedRWPair(reader, writer)
try:
    pair.close()
except NameError as e:
    print(e, "| context:", e.__context__)
reader.close = lambda: None
writer.close = lambda: None
