# memoryview.cast between byte and wider formats
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

raw = bytearray(range(8))
m = memoryview(raw)
t(lambda: m.cast("B").tolist())
t(lambda: m.cast("b").tolist())
t(lambda: m.cast("c").tolist())
t(lambda: m.cast("B", shape=[2, 4]).tolist())
t(lambda: m.cast("B", shape=[2, 4]).shape)
t(lambda: m.cast("B", shape=[3, 3]))
t(lambda: m.cast("Z"))
t(lambda: m.cast("B").format)
t(lambda: m.cast("B").itemsize)
t(lambda: memoryview(b"\xff\x80\x7f").cast("b").tolist())
t(lambda: m[::2].cast("B"))
t(lambda: m.cast("B").readonly)
t(lambda: memoryview(b"ab").cast("c")[0])
t(lambda: m.contiguous)
t(lambda: m.c_contiguous)
t(lambda: m[::2].contiguous)
t(lambda: m.suboffsets)
