# int.to_bytes / int.from_bytes
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: (1024).to_bytes(2, "big"))
t(lambda: (1024).to_bytes(2, "little"))
t(lambda: (1024).to_bytes(1, "big"))
t(lambda: (-1).to_bytes(2, "big", signed=True))
t(lambda: (-1).to_bytes(2, "big"))
t(lambda: (127).to_bytes(1, "big", signed=True))
t(lambda: (128).to_bytes(1, "big", signed=True))
t(lambda: (-128).to_bytes(1, "big", signed=True))
t(lambda: (0).to_bytes(0, "big"))
t(lambda: (1).to_bytes(0, "big"))
t(lambda: (5).to_bytes())
t(lambda: (5).to_bytes(2, "middle"))
t(lambda: (5).to_bytes(-1, "big"))
t(lambda: (2**80).to_bytes(11, "little"))
t(lambda: int.from_bytes(b"\x00\x10", "big"))
t(lambda: int.from_bytes(b"\x00\x10", "little"))
t(lambda: int.from_bytes(b"\xff\xff", "big", signed=True))
t(lambda: int.from_bytes(b"", "big"))
t(lambda: int.from_bytes([1, 2, 3], "big"))
t(lambda: int.from_bytes(bytearray(b"\x01\x00")))
t(lambda: int.from_bytes("ab", "big"))
t(lambda: int.from_bytes([256], "big"))
t(lambda: bool.from_bytes(b"\x01", "big"))
class MyInt(int):
    pass
r = MyInt.from_bytes(b"\x05", "big")
print(type(r).__name__, r)
for n in [0, 1, 255, 256, 65535, 2**63, 2**100 + 12345]:
    b = n.to_bytes((n.bit_length() + 7) // 8 or 1, "big")
    print(n, b.hex(), int.from_bytes(b, "big") == n)
