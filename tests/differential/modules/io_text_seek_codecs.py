# tell()/seek() at every character of a file in stateful (UTF-7), single-byte,
# UTF-16 and UTF-8 encodings, with each newline mode and small chunks.
import io, os, tempfile
p = os.path.join(tempfile.mkdtemp(), "f")
text = "ab\u20ac\u20acc\u00e9\u00e9\u00e9d\r\ne\U0001F600f\rg+h\n" * 3
for enc in ["utf-7", "cp1252", "utf-16", "utf-8"]:
    t = text if enc != "cp1252" else text.replace("\U0001F600", "x")
    with open(p, "w", encoding=enc, newline="") as f:
        f.write(t)
    for newline in [None, "", "\n"]:
        with open(p, encoding=enc, newline=newline) as f:
            whole = f.read()
        res = []
        for i in range(len(whole) + 1):
            with open(p, encoding=enc, newline=newline) as f:
                f._CHUNK_SIZE = 7
                a = f.read(i)
                c = f.tell()
                b = f.read(3)
                f.seek(c)
                res.append((a == whole[:i], f.read() == whole[i:], b == whole[i:i+3]))
        print(enc, repr(newline), all(all(r) for r in res), [k for k, r in enumerate(res) if not all(r)][:5])
with open(p, "w", encoding="utf-7") as f:
    f.write(text)
with open(p, encoding="utf-7") as f:
    f.read(3)
    print(f.tell() > 2**64)
