# _struct: 'e', 'f', 'd' packing in each byte order: rounding, subnormals,
# NaN and infinities, overflow errors, and the unpacked values
import _struct as S
INF = float("inf")
NAN = float("nan")
def p(f, v):
    try:
        return repr(S.pack(f, v))
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
vals = [0.0, -0.0, 1.0, -1.5, 0.1, 1 / 3, 65504.0, 65519.99, 65520.0, 6e-8, 5.96e-8, 2.98e-8, 3e-8, 1e-10, 6.1e-5,
        3.4028234e38, 3.4028235e38, 3.5e38, 1e39, 1e300, 1.4e-45, 1e-46, INF, -INF, NAN, -NAN, 7, 10**6, 10**39,
        2**1025, True, 1.0009765625, 1.00048828125, 1.00146484375, 2049.0, 2051.0]
for f in ["e", "<e", ">e", "f", "<f", ">f", "=f", "d", "<d", "!d"]:
    print(f, " | ".join(p(f, v) for v in vals))
class Fl:
    def __float__(self): return 2.5
class BadFl:
    def __float__(self): raise KeyError("f")
for f in ["e", "f", "d", ">d"]:
    print(f, p(f, Fl()), p(f, BadFl()), p(f, "1.0"), p(f, None), p(f, 1j))
for f in ["<e", ">e", "<f", ">f", "<d", ">d"]:
    out = []
    for v in vals:
        try:
            out.append(repr(S.unpack(f, S.pack(f, v))[0]))
        except Exception as e:
            out.append(type(e).__name__)
    print(f, out)
halves = [bytes([a, b]) for a in (0x00, 0x01, 0x3c, 0x7b, 0x7c, 0x7d, 0x7e, 0x80, 0x83, 0xfc, 0xfe, 0xff) for b in (0x00, 0x01, 0xff)]
print([S.unpack(">e", h)[0] for h in halves])
print([S.unpack("<f", bytes([0, 0, a, b]))[0] for a in (0, 0x80, 0xc0) for b in (0x7f, 0xff, 0x3f, 0x00)])
print(S.unpack("<d", b"\x00\x00\x00\x00\x00\x00\xf8\x7f"), S.unpack(">d", b"\x7f\xf0" + bytes(6)), S.unpack("d", bytes(7) + b"\x80"))
print(S.pack("<3e2f", 1, 2, 3, 4.5, 5.5), S.unpack("<3e2f", S.pack("<3e2f", 1, 2, 3, 4.5, 5.5)))
