# UTF-16/UTF-32 (with and without BOM), error runs and handlers of the native codecs
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
        if isinstance(e, UnicodeError):
            print("  ", e.encoding, e.start, e.end, e.reason)

s = "aé€😀"
for enc in ["utf-16", "utf-16-le", "UTF-16BE", "utf_32", "utf-32-le", "utf-32-be", "utf8", "latin1", "ascii"]:
    t(lambda: s.encode(enc, "replace"))
    t(lambda: s.encode(enc, "backslashreplace").decode(enc))
t(lambda: "ab\u20ac\u20acc".encode("latin-1"))
t(lambda: "\ud800\udc00x".encode("utf-8"))
t(lambda: "\ud800".encode("utf-16"))
t(lambda: "\ud800".encode("utf-16-le", "surrogatepass"))
t(lambda: b"\x00\xd8".decode("utf-16-le", "surrogatepass"))
t(lambda: "x\udcff".encode("ascii", "surrogateescape"))
t(lambda: "x\u20ac".encode("ascii", "surrogateescape"))
t(lambda: b"a\x00b".decode("utf-16-le"))
t(lambda: b"a\x00b".decode("utf-16-le", "replace"))
t(lambda: b"\x00\xdc".decode("utf-16-le"))
t(lambda: b"\x00\xd8a\x00".decode("utf-16-le"))
t(lambda: b"\x00\xd8".decode("utf-16-le"))
t(lambda: b"\xfe\xff\x00a".decode("utf-16"))
t(lambda: b"\x00\x00\xfe\xff\x00\x00\x00a".decode("utf-32"))
t(lambda: b"\x00\x00\x11\x00".decode("utf-32-le"))
t(lambda: b"\x00\xd8\x00\x00".decode("utf-32-le"))
t(lambda: b"abc".decode("utf-32", "ignore"))
t(lambda: b"\x80abc".decode("ascii", "surrogateescape"))
t(lambda: b"\xed\xa0\x80".decode("utf-8", "surrogatepass"))
t(lambda: b"\xed\xa0\x80".decode("utf-8"))
t(lambda: "a\u20ac".encode("ascii", "bogus"))
t(lambda: "a".encode("ascii", "bogus"))
t(lambda: b"\xff".decode("ascii", "bogus"))
t(lambda: bytes("€", "utf-16-be"))
t(lambda: bytearray("€", "utf-32-be"))
t(lambda: str(b"\xff\xfea\x00", "utf-16"))
