# _struct: every integer code in every byte order, at and past its bounds,
# with CPython's per-table error messages; unpack round trips
import _struct as S
def p(f, v):
    try:
        return repr(S.pack(f, v))
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
vals = [0, 1, -1, 127, 128, -128, -129, 255, 256, 32767, 32768, -32768, -32769, 65535, 65536,
        2**31 - 1, 2**31, -2**31, -2**31 - 1, 2**32 - 1, 2**32, 2**63 - 1, 2**63, -2**63, -2**63 - 1,
        2**64 - 1, 2**64, -2**64, 2**70, True]
for c in "bBhHiIlLqQnNP":
    for pre in ["", "@", "<", "=", ">", "!"]:
        if pre not in "@" and c in "nNP":
            print(pre + c, p(pre + c, 1))
            continue
        print(pre + c, " | ".join(p(pre + c, v) for v in vals))
class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
class BadIdx:
    def __index__(self): raise KeyError("no")
for f in ["i", "<Q", ">q", ">Q", "P", "b", "<H", ">L"]:
    print(f, p(f, Idx(5)), p(f, Idx(2**70)), p(f, Idx(-1)), p(f, BadIdx()), p(f, 1.0), p(f, "1"), p(f, None))
for f in ["<bBhHiIlLqQ", ">bBhHiIlLqQ", "@bBhHiIlLqQnNP", "=hHiIlL"]:
    n = len(f) - 1
    v = list(range(1, n + 1))
    data = S.pack(f, *v)
    print(f, data, S.unpack(f, data) == tuple(v))
    neg = [-x if f[1 + i] in "bhilqn" else x for i, x in enumerate(v)]
    print(S.unpack(f, S.pack(f, *neg)))
for f in "bhilqnBHILQNP":
    data = bytes(range(0xf8, 0x100))
    fmt = "@" + f
    size = S.calcsize(fmt)
    std = S.calcsize("<" + f) if f not in "nNP" else 0
    print(f, S.unpack(fmt, data[:size]), S.unpack("<" + f, data[:std]) if std else "",
          S.unpack(">" + f, data[:std]) if std else "")
print(S.unpack(">q", b"\x80" + b"\x00" * 7), S.unpack("<Q", b"\xff" * 8), S.unpack("!l", b"\x80\x00\x00\x00"))
print(S.pack("<?", 0), S.pack(">?", "x"), S.pack("?", []), S.pack("3?", 1, 0, [1]), S.unpack("3?", b"\x00\x01\xff"))
class BadBool:
    def __bool__(self): raise ValueError("bool!")
print(p("?", BadBool()))
