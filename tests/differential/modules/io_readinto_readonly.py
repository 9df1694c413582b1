# readinto() takes a writable buffer ("w*"): a read-only or missing buffer is
# a TypeError naming the argument, not the exporter's BufferError.
import io

def attempt(label, f, arg):
    try:
        print(label, f(arg))
    except Exception as e:
        print(label, type(e).__name__, e)

for name, target in [("BytesIO", io.BytesIO(b"abc")),
                     ("BufferedReader", io.BufferedReader(io.BytesIO(b"abc"))),
                     ("BufferedRandom", io.BufferedRandom(io.BytesIO(b"abc")))]:
    for arg in [b"", b"xyz", memoryview(b"ab"), None, 3, "str", bytearray(2)]:
        attempt(name + " readinto " + type(arg).__name__, target.readinto, arg)
    if hasattr(target, "readinto1"):
        attempt(name + " readinto1 bytes", target.readinto1, b"")

class Raw(io.RawIOBase):
    def readable(self):
        return True
    def readinto(self, b):
        b[:1] = b"q"
        return 1

r = io.BufferedReader(Raw())
attempt("Buffered over Raw", r.readinto, b"xx")
ba = bytearray(3)
attempt("Buffered over Raw bytearray", r.readinto, ba)
print(ba)
ro = memoryview(bytearray(4)).toreadonly()
attempt("readonly memoryview", io.BytesIO(b"zz").readinto, ro)
