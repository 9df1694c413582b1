# bytearray: exports block resizing (not in-place writes), growth as CPython's __alloc__, self-assignment, iteration while growing
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

ba = bytearray()
allocs = []
for i in range(40):
    ba.append(i)
    allocs.append(ba.__alloc__())
print(allocs)
print(ba.__sizeof__() - bytearray().__sizeof__() == ba.__alloc__())
m = memoryview(ba)
t(lambda: ba.append(1))
t(lambda: ba.extend(b"xy"))
t(lambda: ba.pop())
t(lambda: ba.__delitem__(0))
t(lambda: ba.__setitem__(slice(0, 2), b"abc"))
t(lambda: ba.__setitem__(slice(0, 2), b"ab") or ba[:2])
t(lambda: ba.__iadd__(b"z"))
t(lambda: ba.__imul__(2))
t(lambda: ba.clear())
t(lambda: ba.reverse() or ba[:3])
m2 = m[2:5]
m.release()
t(lambda: ba.append(7))
m2.release()
t(lambda: ba.append(7) or len(ba))
b = bytearray(b"abcdef")
b[1:3] = b
print(b)
b[::2] = b[1::2]
print(b)
del b[::3]
print(b)
b[:] = range(5)
print(b)
t(lambda: b.__setitem__(slice(None), [1, 2, 300]))
t(lambda: b.__setitem__(slice(None), 3.5))
t(lambda: b.__setitem__(slice(None), memoryview(b"mv")) or b)
out = []
c = bytearray(b"ab")
for x in c:
    out.append(x)
    if len(c) < 5:
        c.append(x + 1)
print(out, c)
with memoryview(c) as v:
    v[0] = 65
    t(lambda: c.append(0))
print(c, c.append(0), c)
t(lambda: bytearray(b"abc") * -1)
t(lambda: bytearray(b"x") * 3 + b"y")
t(lambda: b"y" + bytearray(b"x"))
t(lambda: bytearray(b"a") == b"a", )
t(lambda: [bytearray(b"a") < b"b", bytearray(b"b") >= memoryview(b"b"), bytearray(b"a") == "a"])
t(lambda: hash(bytearray()))
class BA(bytearray):
    pass
t(lambda: (repr(BA(b"q")), type(BA(b"q") + b"r").__name__, type(BA(b"q").copy()).__name__, BA.fromhex("41 42")))
