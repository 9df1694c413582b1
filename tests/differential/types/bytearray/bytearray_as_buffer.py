# bytearray growth, slicing, in-place ops and comparison with bytes
ba = bytearray()
for i in range(10):
    ba.append(i * 3)
ba.extend(range(5))
ba += bytes([200, 201])
print(ba, len(ba))
print(ba[2:5], ba[::-4], ba[-3:])
ba[0:5] = b""
print(len(ba), ba[:3])
ba[len(ba):] = b"\xff" * 3
print(ba[-4:])
ba.reverse()
print(ba[:4])
del ba[:]
print(ba, len(ba), bool(ba))
x = bytearray(b"hello world")
print(x.upper(), x.title(), x.split(), x.replace(b"o", b"0"))
print(x.find(b"world"), x.index(b"o"), x.rfind(b"o"), x.count(b"l"))
print(x.startswith(b"hello"), x.endswith(b"world"), x.isalpha())
x[0] = ord("H")
x[6:] = b"There"
print(x, x.decode())
print(bytearray(b"abc") * 3, 2 * bytearray(b"xy"))
y = bytearray(b"ab")
y *= 3
print(y)
print(bytearray(b"a") in [b"a"], b"a" in [bytearray(b"a")])
try:
    {bytearray(b"a"): 1}
except TypeError as e:
    print("TypeError", e)
