# BytesIO/StringIO details: past-the-end reads keep the position, empty
# writes change nothing, copy-on-write of the initial bytes, pickling
# without __init__, getvalue identity.
import io, pickle, sys

for cls, buf, empty in ((io.BytesIO, b"1234567890", b""), (io.StringIO, "1234567890", "")):
    m = cls(buf)
    print(m.seek(11), m.read(), m.tell(), m.readline(), m.tell())
    m.write(empty)
    print(m.getvalue() == buf)
    m.write(buf)
    print(m.getvalue())

imm = b" " * 64
m = io.BytesIO(imm)
print(m.getvalue() is imm)
m.write(b"x")
print(m.getvalue() is imm, m.getvalue()[:4], imm[:4])
m = io.BytesIO(bytearray(b"abc"))
print(m.getvalue())

class Sub(io.BytesIO):
    pass
s = Sub.__new__(Sub)
print(s.read(), s.tell())
s.__setstate__((b"hello", 2, {"foo": 1}))
print(s.read(), s.foo)
m = io.BytesIO(b"abcdef")
m.seek(3)
m2 = pickle.loads(pickle.dumps(m))
print(m2.read(), m2.tell())

m = io.BytesIO(b"abcdef")
m.truncate(2)
print(m.getvalue(), object.__sizeof__(io.BytesIO()))
