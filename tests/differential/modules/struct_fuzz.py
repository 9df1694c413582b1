# _struct: fixed-seed fuzz (seeded _random) of random formats in every
# byte order with random (often out-of-range or ill-typed) values:
# calcsize, pack, unpack/unpack_from round trips, iter_unpack of noise
import _struct as S, _random
rng = _random.Random(4242)
CODES = "xcbB?hHiIlLqQnNefdspP"
def pick(seq):
    return seq[rng.getrandbits(16) % len(seq)]
def val(c):
    r = rng.random()
    if c in "bBhHiIlLqQnNP":
        if r < 0.5:
            b = 1 + rng.getrandbits(7) % 66
            return rng.getrandbits(b) - (1 << (b - 1)) * rng.getrandbits(1)
        if r < 0.6:
            return pick([True, 1.5, "x", None])
        return rng.getrandbits(10) - 512
    if c in "efd":
        if r < 0.6:
            return (rng.random() - 0.5) * 10.0 ** (rng.getrandbits(7) % 100 - 50)
        if r < 0.8:
            return pick([float("inf"), -float("inf"), float("nan"), 0.0, -0.0, 65504.0, 65520.0, 3.4e38, 1e-8])
        return pick([5, 10**40, "1", True])
    if c == "c":
        return pick([b"a", b"", b"ab", "a", bytearray(b"x")])
    if c == "?":
        return pick([0, 1, [], "x", None])
    return pick([b"", b"abc", b"x" * 300, bytearray(b"hi"), "str", b"\xff\x00"])
def s(f, *a):
    try:
        return repr(f(*a))
    except (S.error, OverflowError, TypeError, ValueError, SystemError) as e:
        return type(e).__name__ + ":" + str(e)
for i in range(250):
    fmt = pick(["", "@", "<", ">", "=", "!"])
    vals = []
    for _ in range(rng.getrandbits(3) % 6):
        c = pick(CODES)
        cnt = pick(["", "", "0", "1", "2", "3", "10"])
        fmt += cnt + c
        if c != "x":
            vals += [val(c) for _ in range(1 if c in "sp" else int(cnt or 1))]
    if vals and rng.random() < 0.1:
        vals.pop()
    r = s(S.pack, fmt, *vals)
    print(i, repr(fmt), s(S.calcsize, fmt), r)
    if r.startswith("b"):
        data = eval(r)
        print("  u", s(S.unpack, fmt, data), s(S.unpack_from, fmt, b"\x01" + data, 1))
    noise = bytes(rng.getrandbits(8) for _ in range(rng.getrandbits(6) % 40))
    print("  r", s(S.unpack_from, fmt, noise), s(lambda: list(S.iter_unpack(fmt, noise))))
