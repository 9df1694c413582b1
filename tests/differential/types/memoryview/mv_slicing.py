# memoryview slicing shares memory; tolist, tobytes, comparisons
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

buf = bytearray(b"0123456789")
mv = memoryview(buf)
part = mv[2:6]
part[0] = ord("X")
print(buf)
t(lambda: part.tobytes())
t(lambda: part.tolist())
t(lambda: len(mv[::3]))
t(lambda: mv[::3].tobytes())
t(lambda: mv[-1])
t(lambda: mv[-11])
t(lambda: mv[1:3] == bytearray(b"12"))
t(lambda: mv == mv)
t(lambda: mv[:3] < mv[:4])
t(lambda: mv.__setitem__(slice(0, 2), memoryview(b"ab")))
print(buf)
t(lambda: bytes(mv[8:]))
t(lambda: b"".join([mv[:2], mv[-2:]]))
t(lambda: mv[1:4].hex(":"))
t(lambda: mv.nbytes == len(buf))
t(lambda: memoryview(b"")[0])
t(lambda: memoryview(b"")[:].tobytes())
t(lambda: list(memoryview(b"ab")))
t(lambda: memoryview(b"abc")[1:][1:].tobytes())
t(lambda: memoryview(b"abc").tobytes("A"))
