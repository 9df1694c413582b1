# exception args edge cases: non-string args, str() of one vs many args, repr round trip
cases = [ValueError(), ValueError(None), ValueError(""), ValueError(0), ValueError([1, 2]), ValueError("a", "b"),
         ValueError(("t",)), KeyError(""), KeyError(0), KeyError(("a", "b")), IndexError(-1), TypeError(b"bytes"),
         RuntimeError("é"), Exception("multi\nline")]
for e in cases:
    print(type(e).__name__, repr(str(e)), repr(e), e.args)
class WithRepr(Exception):
    pass
print(repr(WithRepr(1, "two")), str(WithRepr(1, "two")))
e = ValueError("x")
e.args = ()
print(repr(str(e)), repr(e))
e.args = ("one",)
print(str(e))
print(str(StopIteration()), repr(StopIteration(None)), str(SystemExit(2)))
print(str(UnicodeError("u")), str(OSError("o")))
