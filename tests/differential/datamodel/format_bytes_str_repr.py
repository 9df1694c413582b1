# __str__, __repr__, __format__, __bytes__ fallbacks and their use by builtins
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
class OnlyStr:
    def __str__(self):
        return "OnlyStr-str"
o1, o2 = OnlyRepr(), OnlyStr()
print(str(o1), repr(o1), format(o1), f"{o1}", "%s %r" % (o1, o1), [o1])
print(str(o2), format(o2), f"{o2}", "%s" % o2, "{}".format(o2))
print(repr(o2).startswith("<__main__.OnlyStr object at"))
class B:
    def __bytes__(self):
        return b"B-bytes"
print(bytes(B()), bytearray(B()) if False else "skip", b"%b" % B() if False else "skip2")
try:
    bytes(OnlyStr())
except TypeError as e:
    print("TypeError", e)
class FmtFallback:
    def __str__(self):
        return "fallback"
print(format(FmtFallback(), ""), "{:}".format(FmtFallback()))
try:
    format(FmtFallback(), "x")
except TypeError as e:
    print("TypeError", e)
class StrReturnsNonStr:
    def __str__(self):
        return 42
try:
    str(StrReturnsNonStr())
except TypeError as e:
    print("TypeError", e)
try:
    "%s" % StrReturnsNonStr()
except TypeError as e:
    print("TypeError", e)
