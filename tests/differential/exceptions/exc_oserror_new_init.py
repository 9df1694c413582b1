# OSError subclasses: arguments are parsed by __new__ unless the class
# overrides __init__ only (then by __init__); BlockingIOError's
# characters_written exists only once set.
from errno import EEXIST


class SubOSError(OSError):
    pass


class WithInit(OSError):
    def __init__(self, message, bar):
        self.bar = bar
        super().__init__(message)


class WithNew(OSError):
    def __new__(cls, message, baz):
        self = super().__new__(cls, message)
        self.baz = baz
        return self


class InitFirst(WithInit, WithNew):
    pass


class NewFirst(WithNew, WithInit):
    pass


class StandaloneInit(OSError):
    def __init__(self):
        pass


e = SubOSError(EEXIST, "Bad file descriptor")
print(type(e).__name__, e.errno, e.args)
e = OSError(EEXIST, "exists", "f.txt")
print(type(e).__name__, e.errno, e.filename, e.args)
for args, kw in [(("some message", "baz"), {}), (("some message",), {"bar": "baz"})]:
    e = WithInit(*args, **kw)
    print(e.bar, e.args)
for args, kw in [(("some message", "baz"), {}), (("some message",), {"baz": "baz"})]:
    e = WithNew(*args, **kw)
    print(e.baz, e.args)
for cls in (InitFirst, NewFirst):
    e = cls("some message", "baz")
    print(cls.__name__, e.bar, e.baz, e.args)
e = StandaloneInit()
print(e.args, e.errno, e.strerror)
try:
    SubOSError("a", kw=1)
except TypeError as err:
    print(err)
e = OSError(1, "x")
e.__init__(2, "y", "z")
print(e.args, e.errno, e.filename)

for n in range(6):
    e = BlockingIOError(*("a", "b", "c", "d", "e")[:n])
    for op in ("get", "del"):
        try:
            if op == "get":
                e.characters_written
            else:
                del e.characters_written
            print(n, op, "no error")
        except AttributeError as err:
            print(n, op, "AttributeError", err)
e = BlockingIOError("a", "b", 3)
print(e.characters_written, e.args)
e.characters_written = 5
print(e.characters_written)
del e.characters_written
print(hasattr(e, "characters_written"))
try:
    e.characters_written = "x"
except TypeError as err:
    print(err)
print(hasattr(OSError(), "characters_written"))
