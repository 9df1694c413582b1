# Codec registry details: name normalization, the namereplace handler,
# codec failures wrapped with the codec's name, charmap's U+FFFE, and
# incremental UTF-8 with surrogatepass.
import codecs

seen = []
def search(name):
    seen.append(name)
    return (1, 2, 3, 4) if name == "aaa_8" else None
codecs.register(search)
for n in ["aaa_8", "AAA-8", "AAA---8", "AAA   8", "aaa\xe9\u20ac-8", "AAA.8", "-aaa-8-", "a\xe9\u20ac-8"]:
    try:
        print(repr(n), codecs.lookup(n))
    except LookupError as e:
        print(repr(n), "LookupError", e)
print(seen)
codecs.unregister(search)

for enc in ["ascii", "latin-1", "cp1252", "utf-8"]:
    print(enc, "a\xe9\u20ac\U0001F600\ud800\uac00\x80\U000E0001".encode(enc, "namereplace"))
print(codecs.namereplace_errors(UnicodeEncodeError("ascii", "a\xe9\U000E0000\uffff", 1, 4, "x")))


class Plain(RuntimeError):
    __slots__ = ()


class WithState(RuntimeError):
    def __init__(self, *a):
        super().__init__(*a)


def make(exc):
    def f(*a, **k):
        raise exc
    return f


for exc in [RuntimeError, RuntimeError("boom"), Plain("plain"), WithState("state"), ValueError(1, 2), OSError(2, "x"),
            KeyError("k"), TypeError(5)]:
    def s(name, exc=exc):
        if name == "raising_codec":
            return codecs.CodecInfo(make(exc), make(exc), name="raising_codec")
    codecs.register(s)
    for call in [lambda: "x".encode("raising_codec"), lambda: b"x".decode("raising_codec"),
                 lambda: codecs.encode("x", "raising_codec"), lambda: codecs.decode(b"x", "raising_codec")]:
        try:
            call()
        except Exception as e:
            print(type(e).__name__, repr(str(e)), type(e.__cause__).__name__, e.__cause__ is exc)
    codecs.unregister(s)
for data in [b"hello", b"zz"]:
    try:
        codecs.decode(data, "hex_codec")
    except Exception as e:
        print(type(e).__name__, e, type(e.__cause__).__name__)

for m in [{0: 0x61, 1: 0xFFFE}, {0: "a", 1: "\ufffe"}, "a\ufffe"]:
    for errors in ["strict", "replace"]:
        try:
            print(ascii(codecs.charmap_decode(b"\x00\x01", errors, m)))
        except UnicodeDecodeError as e:
            print("UnicodeDecodeError", e)

data = "a\ud800b".encode("utf-8", "surrogatepass")
for enc in ["utf-8", "utf-8-sig"]:
    d = codecs.getincrementaldecoder(enc)("surrogatepass")
    print(enc, [ascii(d.decode(data[i:i + 1])) for i in range(len(data))], ascii(d.decode(b"", True)))
