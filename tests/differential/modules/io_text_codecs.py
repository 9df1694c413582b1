# TextIOWrapper over encodings beyond UTF-8: UTF-16/32 with their BOMs,
# registry codecs (charmaps, a Python-level multi-byte codec), errors
# handlers, tell/seek, appending, reconfigure.
import io, os, tempfile, codecs

# A registry codec decoding UTF-8 in Python: multi-byte and buffering, so
# TextIOWrapper must track how many bytes each char took.
class Dec(codecs.BufferedIncrementalDecoder):
    def _buffer_decode(self, data, errors, final):
        return codecs.utf_8_decode(data, errors, final)
class Enc(codecs.IncrementalEncoder):
    def encode(self, s, final=False):
        return codecs.utf_8_encode(s, self.errors)[0]
def search(name):
    if name == "x_pyutf8":
        return codecs.CodecInfo(lambda s, e="strict": codecs.utf_8_encode(s, e), lambda b, e="strict": codecs.utf_8_decode(b, e, True),
                                incrementalencoder=Enc, incrementaldecoder=Dec, name="x-pyutf8")
codecs.register(search)
d = tempfile.mkdtemp()
text = "héllo wörld\nline two €\r\nthird 𝄞 line\rlast ÿ"
for enc in ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "latin-1", "cp1252", "cp437", "koi8-r", "x-pyutf8", "mac-roman", "cp500"]:
    t = text
    try:
        t.encode(enc)
    except UnicodeEncodeError:
        t = "plain ascii\nwith lines\r\nand more\rend"
    p = os.path.join(d, "f.txt")
    with open(p, "w", encoding=enc, newline="") as f:
        f.write(t[:5]); f.write(t[5:])
    raw = open(p, "rb").read()
    print(enc, raw == codecs.encode(t, enc) if enc not in ("utf-16", "utf-32") else raw == codecs.BOM_UTF16_LE + t.encode(enc + "-le") if enc == "utf-16" else raw == codecs.BOM_UTF32_LE + t.encode("utf-32-le"), len(raw))
    with open(p, encoding=enc) as f:
        print(" read", ascii(f.read()), f.newlines)
    with open(p, encoding=enc, newline="") as f:
        print(" lines", [ascii(l) for l in f])
    with open(p, encoding=enc) as f:
        f.read(3); pos = f.tell(); rest = f.read(4); f.seek(pos); print(" tell/seek", pos, f.read(4) == rest, ascii(rest))
        f.readline(); pos = f.tell(); line = f.readline(); f.seek(pos); print(" tell/seek line", pos, f.readline() == line)
    with open(p, "a", encoding=enc, newline="") as f:
        f.write("XY")
    print(" appended", ascii(open(p, encoding=enc, newline="").read()[-6:]))
for enc, data in [("utf-16", b"\xfe\xff\x00a\x00b"), ("utf-16", b"a\x00b\x00"), ("utf-32", b"\x00\x00\xfe\xff\x00\x00\x00a"), ("cp1252", b"a\x81b"), ("x-pyutf8", b"a\xc3\xa9b\xe2\x82")]:
    for errors in ("strict", "replace", "ignore", "surrogateescape"):
        try:
            f = io.TextIOWrapper(io.BytesIO(data), encoding=enc, errors=errors)
            print(enc, errors, ascii(f.read()))
        except Exception as e:
            print(enc, errors, type(e).__name__, e)
for enc in ["cp1252", "ascii", "koi8-r"]:
    for errors in ("strict", "replace", "xmlcharrefreplace", "backslashreplace"):
        b = io.BytesIO()
        f = io.TextIOWrapper(b, encoding=enc, errors=errors)
        try:
            f.write("a€ÿ\u3042z"); f.flush(); print(enc, errors, b.getvalue())
        except Exception as e:
            print(enc, errors, type(e).__name__, e)
try:
    io.TextIOWrapper(io.BytesIO(), encoding="rot13")
except Exception as e:
    print(type(e).__name__, e)
try:
    io.TextIOWrapper(io.BytesIO(), encoding="no-such-codec")
except Exception as e:
    print(type(e).__name__, e)
f = io.TextIOWrapper(io.BytesIO("abc€".encode("utf-16")), encoding="utf-16")
print(f.tell(), f.read(1), f.tell(), f.read(), f.tell())
b = io.BytesIO(); f = io.TextIOWrapper(b, encoding="utf-16"); f.write("a"); f.seek(0); f.write("b"); f.flush(); print(b.getvalue())
b = io.BytesIO(); f = io.TextIOWrapper(b, encoding="cp1252"); f.write("a€"); f.reconfigure(encoding="utf-8"); f.write("€"); f.flush(); print(b.getvalue())
