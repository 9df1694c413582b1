# audioop: argument checking and error messages of every function, and
# the ratecv/ADPCM state round trips
import warnings
warnings.simplefilter("ignore", DeprecationWarning)
import audioop as A
from binascii import crc32
print(A.error.__name__, A.error.__module__, A.error.__mro__[1].__name__, A.__doc__)
def s(f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        return type(e).__name__ + ":" + str(e)
    if isinstance(r, tuple) and r and isinstance(r[0], bytes):
        return "(%s, %r)" % (s(lambda: r[0]), r[1])
    if isinstance(r, bytes):
        return r.hex() if len(r) <= 64 else "%d:%08x" % (len(r), crc32(r))
    return repr(r)
calls = [
    (A.max, b""), (A.max, b"", 1, 2), (A.max, "ab", 1), (A.max, b"ab", 1.0), (A.max, b"ab", 2**40),
    (A.max, b"ab", 0), (A.max, b"ab", 5), (A.max, b"abc", 2), (A.max, b"abcd", 3), (A.max, bytearray(b"ab"), 1),
    (A.max, memoryview(b"abcd"), 2), (A.max, memoryview(b"abcd")[::2], 1), (A.max, memoryview(b"abcd").cast("h"), 2),
    (A.max, b"", 1), (A.minmax, b"", 1), (A.avg, b"", 2), (A.rms, b"", 4), (A.avgpp, b"\1", 1), (A.maxpp, b"", 1),
    (A.cross, b"", 1), (A.cross, b"\1", 1),
    (A.getsample, b"abcd", 2, 2), (A.getsample, b"abcd", 2, -1), (A.getsample, b"abcd", 2, 2**70),
    (A.getsample, b"abcd", 3, 0), (A.getsample, b"abcdef", 3, 1),
    (A.mul, b"ab", 1, "x"), (A.mul, b"ab", 1, 2**2000), (A.mul, b"ab", 1, 2), (A.mul, b"ab", 3, 1),
    (A.tomono, b"ab", 2, 1, 1), (A.tomono, b"abc", 1, 1, 1), (A.tomono, b"abcd", 1, 1, 1),
    (A.tostereo, b"ab", 2, 1, 1), (A.tostereo, b"a", 2, 1, 1),
    (A.add, b"ab", b"a", 1), (A.add, b"a", b"ab", 2), (A.add, b"\x7f\x80", b"\x7f\x80", 1),
    (A.bias, b"ab", 1, 2**31), (A.bias, b"\xff\xff\xff", 3, 1), (A.bias, b"ab", 2, -1),
    (A.reverse, b"abcdef", 3), (A.byteswap, b"abcdef", 3), (A.lin2lin, b"ab", 1, 5), (A.lin2lin, b"ab", 1, 0),
    (A.lin2lin, b"\x80\x7f", 1, 3), (A.lin2lin, b"\x01\x02\x03", 3, 1),
    (A.ulaw2lin, b"a", 0), (A.alaw2lin, b"a", 5), (A.lin2ulaw, b"a", 2), (A.lin2alaw, b"abc", 4),
    (A.findmax, b"a", 1), (A.findmax, b"ab", 2), (A.findmax, b"ab", -1), (A.findmax, b"abcdef", 0),
    (A.findfit, b"ab", b"abcd"), (A.findfit, b"abc", b"ab"), (A.findfit, b"", b""), (A.findfit, b"\0\0\0\0", b"\0\0"),
    (A.findfactor, b"ab", b"abcd"), (A.findfactor, b"", b""), (A.findfactor, b"\1\0", b"\3\0"),
    (A.ratecv, b""), (A.ratecv, b"", 1, 1, 1, 1, None, 1, 0, 5), (A.ratecv, b"", 1, 0, 1, 1, None),
    (A.ratecv, b"", 4, 2**30, 1, 1, None), (A.ratecv, b"", 1, 1, 1, 1, None, 0, -1), (A.ratecv, b"a", 2, 1, 1, 1, None),
    (A.ratecv, b"", 1, 1, 0, 1, None), (A.ratecv, b"", 5, 1, 0, 1, None), (A.ratecv, b"", 1, 1, 1, 1, 42),
    (A.ratecv, b"", 1, 1, 1, 1, [1, 2]), (A.ratecv, b"", 1, 1, 1, 1, (1, 2, 3)), (A.ratecv, b"", 1, 1, 1, 1, (1,)),
    (A.ratecv, b"", 1, 1, 1, 1, (2**31, ((1, 2),))), (A.ratecv, b"", 1, 1, 1, 1, (-2**31 - 1, ((1, 2),))),
    (A.ratecv, b"", 1, 1, 1, 1, (2**70, ((1, 2),))),
    (A.ratecv, b"", 1, 1, 1, 1, (1.5, ((1, 2),))), (A.ratecv, b"", 1, 1, 1, 1, (1, [(1, 2)])),
    (A.ratecv, b"", 1, 2, 1, 1, (1, ((1, 2),))), (A.ratecv, b"", 1, 1, 1, 1, (1, ([1, 2],))),
    (A.ratecv, b"", 1, 1, 1, 1, (1, ((1, 2, 3),))), (A.ratecv, b"", 1, 1, 1, 1, (1, ((1, "x"),))),
    (A.ratecv, b"", 1, 1, 1, 1, (1, ((1, 2**40),))), (A.ratecv, b"", 1, 1, 1, 1, (-1, ((1, 2),))),
    (A.ratecv, b"", 1, 1, 1, 2**31, None), (A.ratecv, b"\1\2", 1, 2, 8000, 8000, None),
    (A.lin2adpcm, b"", 1, [1, 2]), (A.lin2adpcm, b"", 1, (2**40, 2)), (A.lin2adpcm, b"", 1, (1,)),
    (A.lin2adpcm, b"", 1, (1, "a")), (A.lin2adpcm, b"a", 2, None), (A.lin2adpcm, b"a", 1, 5),
    (A.lin2adpcm, b"\0", 1, (0, -1)), (A.lin2adpcm, b"\0", 1, (0, 89)), (A.lin2adpcm, b"\0", 1, (0x8000, 0)),
    (A.lin2adpcm, b"\0", 1, (-0x8001, 0)), (A.lin2adpcm, b"\0", 1, (-0x8000, 88)),
    (A.adpcm2lin, b"", 1, (1, 2, 3)), (A.adpcm2lin, b"", 1, (1.0, 2)), (A.adpcm2lin, b"a", 0, None),
    (A.adpcm2lin, b"\0", 1, (0, 89)), (A.adpcm2lin, b"\0", 1, (0x7fff, 88)), (A.adpcm2lin, b"\0", 1, 555),
]
for c in calls:
    print(c[0].__name__, s(*c))
print(s(A.max, b"", width=1), s(A.ratecv, b"", 1, 1, 1, 1, None, weightA=1))
# State round trips: a fragment converted in pieces equals it converted whole.
import _random
rng = _random.Random(5)
for w in (1, 2, 3, 4):
    data = bytes(rng.getrandbits(8) for _ in range(w * 2 * 60))
    for nch, ir, orate, wa, wb in [(1, 8000, 16000, 1, 0), (2, 44100, 8000, 3, 1), (1, 3, 7, 2, 5), (2, 11025, 11025, 1, 0)]:
        whole = A.ratecv(data, w, nch, ir, orate, None, wa, wb)
        st = None
        parts = b""
        step = w * nch * 7
        for k in range(0, len(data), step):
            piece, st = A.ratecv(data[k:k + step], w, nch, ir, orate, st, wa, wb)
            parts += piece
        print(w, nch, ir, orate, whole[1], st, whole[0] == parts, len(parts), crc32(parts))
    st = None
    enc = b""
    for k in range(0, len(data), w * 10):
        piece, st = A.lin2adpcm(data[k:k + w * 10], w, st)
        enc += piece
    print(w, st, enc == A.lin2adpcm(data, w, None)[0], enc.hex())
    st = None
    dec = b""
    for k in range(0, len(enc), 5):
        piece, st = A.adpcm2lin(enc[k:k + 5], w, st)
        dec += piece
    print(w, st, dec == A.adpcm2lin(enc, w, None)[0], crc32(dec))
