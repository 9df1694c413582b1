# TextIOWrapper decoding chunk by chunk: multi-byte UTF-8 characters and
# CRLF pairs split across chunk boundaries, tell/seek in between, several
# codecs and newline modes, a decode error mid-stream.
import io

text = ("ab\u00e9\u20ac\U0001f600\r\n" * 40) + "x\ry\nz"
for enc in ("utf-8", "latin-1", "ascii", "utf-16-le"):
    try:
        data = text.encode(enc)
    except UnicodeEncodeError:
        data = text.encode(enc, "replace")
    for newline in (None, "", "\n", "\r\n", "\r"):
        for chunk in (1, 3, 7, 64):
            t = io.TextIOWrapper(io.BytesIO(data), encoding=enc, newline=newline)
            t._CHUNK_SIZE = chunk
            lines = []
            marks = []
            while True:
                pos = t.tell()
                line = t.readline()
                if not line:
                    break
                lines.append(line)
                marks.append(pos)
            again = []
            for p in marks[::7]:
                t.seek(p)
                again.append(t.readline())
            print(enc, repr(newline), chunk, len(lines), hash(tuple(lines)) == hash(tuple(text.encode(enc, "replace").decode(enc).splitlines(True))) if newline == "" else len("".join(lines)), again[:2], t.newlines)

t = io.TextIOWrapper(io.BytesIO(b"ok\n" * 5 + b"\xff\xfe bad\nmore\n"), encoding="utf-8")
t._CHUNK_SIZE = 4
out = []
try:
    for line in t:
        out.append(line)
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e.reason)
print(out)
t = io.TextIOWrapper(io.BytesIO(b"ok\n\xff\xfe bad\n"), encoding="utf-8", errors="replace")
print(t.read())
t = io.TextIOWrapper(io.BytesIO(b"a\xe9b\n"), encoding="ascii", errors="surrogateescape")
print(ascii(t.read()))
