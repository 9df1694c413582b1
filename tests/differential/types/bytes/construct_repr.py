# bytes construction and repr
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: bytes())
t(lambda: bytes(3))
t(lambda: bytes([0, 10, 13, 9, 39, 34, 92, 127, 128, 255, 65]))
t(lambda: bytes(range(30, 40)))
t(lambda: bytes("é", "utf-8"))
t(lambda: bytes("é"))
t(lambda: bytes("a", "ascii", "strict"))
t(lambda: bytes([256]))
t(lambda: bytes([-1]))
t(lambda: bytes(-1))
t(lambda: bytes(["a"]))
t(lambda: bytes(1.5))
t(lambda: bytes(b"abc"))
t(lambda: bytes(bytearray(b"xy")))
t(lambda: bytes(memoryview(b"mv")))
t(lambda: bytes(x for x in [1, 2]))
t(lambda: b"it's")
t(lambda: b'say "hi"')
t(lambda: b"both ' and \"")
t(lambda: b"\x00\x1f\x7f\x80")
t(lambda: rb"\n\x00")
t(lambda: str(b"ab"))
t(lambda: bytes.fromhex("de ad BE EF"))
t(lambda: bytes.fromhex("abc"))
t(lambda: bytes.fromhex("zz"))
t(lambda: bytes.fromhex(""))
t(lambda: b"\xde\xad".hex())
t(lambda: b"\xde\xad\xbe\xef".hex(":"))
t(lambda: b"\xde\xad\xbe\xef".hex("-", 2))
t(lambda: b"\xde\xad\xbe\xef\x01".hex(" ", -2))
t(lambda: b"ab".hex("::"))
class B:
    def __bytes__(self):
        return b"custom"
t(lambda: bytes(B()))
class BadB:
    def __bytes__(self):
        return "no"
t(lambda: bytes(BadB()))
class Idx:
    def __index__(self):
        return 2
t(lambda: bytes(Idx()))
