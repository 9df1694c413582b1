# UTF-8 sequences cut at chunk boundaries: a valid prefix waits for the
# rest, an impossible second byte fails at once (a surrogate prefix waits).
import io
for data in (b"ab\xe0\x80cd\n", b"ab\xed\xa0\x80\n", b"ab\xf0\x80\x80\x80\n", b"ab\xf4\x90\n", b"ab\xf5x\n", b"ab\xc3\xa9\xe2\x82\xac\n"):
    for cs in (1, 2, 3, 4):
        t = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
        t._CHUNK_SIZE = cs
        got = []
        try:
            while True:
                c = t.read(1)
                if not c: break
                got.append(c)
            print(cs, ascii(got))
        except UnicodeDecodeError as e:
            print(cs, ascii(got), e.reason, e.start, e.end)
