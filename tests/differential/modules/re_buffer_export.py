# A bytearray searched by finditer is exported while the iterator lives:
# resizing it raises BufferError, and works again once the iterator is gone.
import gc
import re

b = bytearray(b"xax")
it = re.finditer(b"a", b)
try:
    b.extend(b"x" * 400)
except BufferError as e:
    print("BufferError", e)
print([m.span() for m in it])
del it
gc.collect()
b.extend(b"x" * 400)
print(len(b))

# Plain calls hold no export afterwards.
b2 = bytearray(b"abcabc")
print(re.search(b"c", b2).span(), re.findall(b"b", b2))
b2 += b"bbb"
print(re.sub(b"b", b"-", b2))
m = re.match(b"(a)(b)", memoryview(b2))
print(m.groups(), m.span(2))

s = "é" * 10 + "ab\u20acc" + "\U0001f600" * 3
print(re.search("b.c", s).span(), re.findall(".", s)[-4:])
