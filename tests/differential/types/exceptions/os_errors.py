# OSError errno mapping to subclasses and attributes
codes = [1, 2, 3, 4, 10, 11, 13, 17, 20, 21, 32, 103, 104, 110, 111, 999]
for c in codes:
    e = OSError(c, "message")
    print(c, type(e).__name__, e.errno, e.strerror, str(e))
e = FileNotFoundError(2, "gone", "name.txt")
print(str(e), e.filename, e.filename2)
e = OSError(2, "gone", "a", None, "b")
print(str(e), e.filename2)
e = OSError("single")
print(str(e), e.errno, e.strerror, e.args)
e = OSError()
print(repr(str(e)), e.errno)
e = OSError(1, 2, 3, 4, 5, 6)
print(e.args)
class MyOS(OSError):
    pass
print(type(MyOS(2, "x")).__name__)
try:
    raise FileExistsError(17, "exists")
except OSError as x:
    print(type(x).__name__, x.errno, x)
e = BlockingIOError(11, "would block", 5)
print(e.characters_written)
e.errno = 99
print(e.errno, e)
