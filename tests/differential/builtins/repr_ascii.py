# repr() and ascii() of builtin objects and custom reprs
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

for v in ["plain", "it's", 'say "hi"', "both ' \"", "tab\t nl\n cr\r", "\x00\x07\x1b\x7f", "é", "\u200b", "\U0001f600", "\ud800", "\\", "\x85\xa0\xad"]:
    print(repr(v), ascii(v))
for v in [b"\x00'\"", 1.0, -0.0, [1, "a", None], (1,), {"k": b"v"}, {1, 2}, frozenset(), set(), range(3), slice(1, None), ..., NotImplemented, 3j, True, None, int, type, object]:
    print(repr(v), ascii(v))
class R:
    def __repr__(self):
        return "R\u00e9pr"
t(lambda: repr(R()))
t(lambda: ascii(R()))
t(lambda: ascii([R()]))
class BadRepr:
    def __repr__(self):
        return 5
t(lambda: repr(BadRepr()))
class RaisingRepr:
    def __repr__(self):
        raise ValueError("repr failed")
t(lambda: repr([RaisingRepr()]))
class StrSubRepr:
    def __repr__(self):
        class S(str):
            pass
        return S("sub")
t(lambda: repr(StrSubRepr()))
t(lambda: type(repr(StrSubRepr())).__name__)
d = {}
d["self"] = d
t(lambda: repr(d))
L = []
L.append((L,))
t(lambda: repr(L))
t(lambda: repr())
t(lambda: ascii(1, 2))
