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

# Subjects are read in place in every storage width; a long subject
# searched with an anchored pattern is not walked (nor copied).
long = "x" * 10**6
for p in (r"\Ay", r"^y"):
    print(re.search(p, long), re.split(p, long) == [long], re.findall(p, long), re.sub(p, "", long) is long or re.sub(p, "", long) == long)
for t in ("abc\u00e9abc", "abc\u0101abc", "abc\U00010000abc"):
    print([m.span() for m in re.finditer("abc", t)], re.sub("b", "-", t), re.split("(.)\\1*c", t))
class S(str):
    pass
print(re.match("a(b)", S("abc")).group(1), type(re.match("a(b)", S("abc")).group(1)).__name__)
