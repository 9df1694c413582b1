# audioop: fixed-seed fuzz (seeded _random) of every function at every
# width, including extreme samples, compared byte for byte
import warnings, _random
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    import audioop as A
from binascii import crc32
print([(w.category.__name__, str(w.message), w.lineno) for w in caught])
rng = _random.Random(1234)
EXTREMES = {1: [0, 1, 0x7f, 0x80, 0xff], 2: [0, 0x7fff, 0x8000, 0xffff, 1],
            3: [0, 0x7fffff, 0x800000, 0xffffff], 4: [0, 0x7fffffff, 0x80000000, 0xffffffff, 1]}
def frag(w, n):
    out = bytearray()
    for _ in range(n):
        if rng.getrandbits(2) == 0:
            v = EXTREMES[w][rng.getrandbits(8) % len(EXTREMES[w])]
        elif rng.getrandbits(1):
            v = rng.getrandbits(8 * w)
        else:  # small values, so peaks, crossings and sums stay interesting
            v = (rng.getrandbits(6) - 32) & ((1 << 8 * w) - 1)
        out += v.to_bytes(w, "little")
    return bytes(out)
def s(f, *a):
    try:
        r = f(*a)
    except Exception as e:
        return type(e).__name__ + ":" + str(e)
    if isinstance(r, tuple) and r and isinstance(r[0], bytes):
        return "(%s, %r)" % (s(lambda: r[0]), r[1])
    if isinstance(r, bytes):
        return r.hex() if len(r) <= 64 else "%d:%08x" % (len(r), crc32(r))
    return repr(r)
FACTORS = [0.0, 1.0, -1.0, 0.5, 2.0, -0.75, 1e10, -1e10, 3.3, float("inf"), float("nan")]
for i in range(120):
    w = 1 + i % 4
    n = rng.getrandbits(4) * 2
    a = frag(w, n)
    b = frag(w, n)
    f1 = FACTORS[rng.getrandbits(8) % len(FACTORS)]
    f2 = FACTORS[rng.getrandbits(8) % len(FACTORS)]
    bias = rng.getrandbits(32) - (1 << 31)
    nw = 1 + rng.getrandbits(2)
    print(i, w, a.hex())
    print(" ", s(A.max, a, w), s(A.minmax, a, w), s(A.avg, a, w), s(A.rms, a, w), s(A.avgpp, a, w),
          s(A.maxpp, a, w), s(A.cross, a, w), n and s(A.getsample, a, w, n // 2))
    print(" ", s(A.mul, a, w, f1), s(A.tomono, a, w, f1, f2), s(A.tostereo, a, w, f1, f2))
    print(" ", s(A.add, a, b, w), s(A.bias, a, w, bias), s(A.reverse, a, w), s(A.byteswap, a, w))
    print(" ", s(A.lin2lin, a, w, nw), s(A.lin2ulaw, a, w), s(A.lin2alaw, a, w), s(A.lin2adpcm, a, w, None))
    print(" ", s(A.ulaw2lin, a, w), s(A.alaw2lin, a, w), s(A.adpcm2lin, a, w, None))
    nch = 1 + rng.getrandbits(1)
    ir, orate = [8000, 11025, 16000, 44100, 3, 7][rng.getrandbits(8) % 6], [8000, 22050, 48000, 5, 2][rng.getrandbits(8) % 5]
    wa, wb = 1 + rng.getrandbits(2), rng.getrandbits(2)
    print(" ", s(A.ratecv, a, w, nch, ir, orate, None, wa, wb))
    if w == 2:
        print(" ", s(A.findfit, a + b, b), s(A.findfactor, a, b), s(A.findmax, a + b, n // 2))
# Every 16-bit sample through the companders, every byte back.
allsamples = b"".join(v.to_bytes(2, "little") for v in range(65536))
for w in (1, 2, 3, 4):
    lin = A.lin2lin(allsamples, 2, w)
    print(w, crc32(A.lin2ulaw(lin, w)), crc32(A.lin2alaw(lin, w)), s(A.lin2adpcm, lin, w, None))
    print(w, A.ulaw2lin(bytes(range(256)), w).hex())
    print(w, A.alaw2lin(bytes(range(256)), w).hex())
    print(w, s(A.adpcm2lin, bytes(range(256)) * 3, w, None))
