# _struct/_random objects' lifetimes: subclass instances in reference
# cycles collected by gc, and the buffer export an unpack iterator holds
# until it is exhausted (resizing the bytearray fails meanwhile)
import gc, _struct, _random
class S(_struct.Struct):
    pass
class R(_random.Random):
    pass
for i in range(300):
    s = S("i")
    s.me = s
    r = R(i)
    r.me = r
    r.s = s
    it = _struct.iter_unpack("b", bytearray(b"abc"))
    it2 = s.iter_unpack(b"abcd")
del s, r, it, it2
print(gc.collect() >= 0)
ba = bytearray(b"\x01\x02")
it = _struct.iter_unpack("b", ba)
try:
    ba.append(3)
except BufferError as e:
    print("BufferError", e)
print(next(it))
try:
    ba.extend(b"xy")
except BufferError as e:
    print("BufferError", e)
print(list(it), it.__length_hint__())
ba.append(3)
print(ba)
mv = memoryview(bytearray(b"\x00\x01\x00\x02"))
it = _struct.iter_unpack(">h", mv)
mv[1] = 9
print(list(it))
mv.release()
try:
    mv[0]
except ValueError as e:
    print(e)
b = bytearray(8)
_struct.pack_into("<q", b, 0, -2)
b.append(0)
print(b)
