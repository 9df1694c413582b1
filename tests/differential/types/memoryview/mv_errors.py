# memoryview errors: released views, readonly writes, bad indices, unhashable writable views
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

m = memoryview(b"abc")
t(lambda: m.__setitem__(0, 120))
t(lambda: m[3])
t(lambda: m["a"])
t(lambda: m[0:1, 0])
t(lambda: m[1.0])
w = memoryview(bytearray(b"abc"))
t(lambda: hash(w))
t(lambda: w.__setitem__(0, b"x"))
t(lambda: w.__setitem__(0, -1))
t(lambda: w.__setitem__(slice(0, 2), b"x"))
r = memoryview(b"xyz")
r.release()
t(lambda: r.tobytes())
t(lambda: len(r))
t(lambda: r.release())
t(lambda: repr(r).startswith("<released memory at"))
ba = bytearray(b"grow")
v = memoryview(ba)
t(lambda: ba.extend(b"!"))
v.release()
t(lambda: ba.extend(b"!") or ba)
