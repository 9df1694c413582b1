# mmap: the buffer protocol (bytes(), memoryview, exports refusing resize
# and close until released), every method on a closed map, maps closed by
# an __index__ during argument conversion, argument errors, pickling refused
import mmap
def e(f):
    try:
        print("ok", repr(f()))
    except Exception as x:
        print(type(x).__name__, x)
m = mmap.mmap(-1, 16)
m[:] = b"0123456789abcdef"
print(bytes(m), bytearray(m)[:3])
v = memoryview(m)
print(v.readonly, v.format, v.itemsize, v.nbytes, v[1], bytes(v[2:5]))
v[0] = 0x41
print(m[:2])
e(lambda: m.resize(32))
e(lambda: m.close())
e(lambda: m.__exit__(None, None, None))
print(m.closed)
v2 = v[4:8]
v.release()
e(lambda: m.resize(32))
v2.release()
m.resize(32)
print(len(m), m[:4], m[16:20])
with memoryview(m) as w:
    e(lambda: m.close())
m.close()
for name, args in [("close", ()), ("find", (b"a",)), ("rfind", (b"a",)), ("flush", ()), ("madvise", (0,)),
                   ("move", (0, 1, 1)), ("read", ()), ("read_byte", ()), ("readline", ()), ("resize", (4,)),
                   ("seek", (0,)), ("size", ()), ("tell", ()), ("write", (b"x",)), ("write_byte", (1,)),
                   ("__enter__", ()), ("__exit__", (None, None, None)), ("__len__", ())]:
    e(lambda: getattr(m, name)(*args))
e(lambda: m[0])
e(lambda: m[0:2])
e(lambda: m.__setitem__(0, 1))
e(lambda: m.__setitem__(slice(0, 1), b"a"))
e(lambda: memoryview(m))
e(lambda: bytes(m))
e(lambda: list(m))
print(repr(m), m.closed)
def closer(mm):
    class X:
        def __index__(self):
            mm.close()
            return 2
    return X()
for f in [lambda mm: mm[closer(mm)], lambda mm: mm[closer(mm):10], lambda mm: mm[10:closer(mm):-1],
          lambda mm: mm.read(closer(mm)), lambda mm: mm.find(b"1", 0, closer(mm)),
          lambda mm: mm.__setitem__(slice(closer(mm), 4), b"ab"), lambda mm: mm.move(0, 1, closer(mm)),
          lambda mm: mm.write_byte(closer(mm)), lambda mm: mm.seek(closer(mm)), lambda mm: mm.madvise(0, closer(mm)),
          lambda mm: mm.__setitem__(closer(mm), 5), lambda mm: mm.__setitem__(0, closer(mm))]:
    e(lambda: f(mmap.mmap(-1, 16)))
n = mmap.mmap(-1, 8)
for call in ["n.find()", "n.find(b'a', 1, 2, 3)", "n.find('a')", "n.find(b'a', 'x')", "n.write()", "n.write('a')",
             "n.write_byte()", "n.write_byte(256)", "n.write_byte(-1)", "n.write_byte('a')", "n.seek()",
             "n.seek(0, 'a')", "n.seek(2**64)", "n.move(1, 2)", "n.resize()", "n.resize('a')", "n.flush('a')",
             "n.flush(0, 1, 2)", "n.madvise()", "n.read(1, 2)", "n.read(2**64)", "n.close(1)", "n.tell(1)",
             "n.__enter__(1)", "n.find(b'a', start=1)", "n['a':]", "n[2**64]", "n.readline(1)", "n.size(1)",
             "mmap.mmap()", "mmap.mmap(-1)", "mmap.mmap('a', 1)", "mmap.mmap(-1, 1.0)", "mmap.mmap(-1, 2**64)",
             "mmap.mmap(-1, 4, fileno=3)", "mmap.mmap(-1, 4, bar=3)", "mmap.mmap(-1, 4, 1, 3, 0, 0, 9)",
             "mmap.mmap(-1, 1, flags=2**40)", "mmap.mmap(-1, 1, offset=2**64)", "mmap.mmap(-1, 0)",
             "mmap.mmap(-1, 10, offset=1)", "mmap.mmap(length=3, fileno=-1)[:]"]:
    e(lambda: eval(call))
import pickle
for proto in range(6):
    try:
        pickle.dumps(n, proto)
    except TypeError as x:
        print("TypeError", proto, "cannot pickle" in str(x))
