# binascii: fixed-seed fuzz (seeded _random) of every encoder on random
# bytes and every decoder on random ASCII soup
import binascii as B, _random
rng = _random.Random(77)
ALPHA = b"ABCDEFabcdef0123456789+/=_ \t\r\n.`!#%:&-@\x7f\x80\xff"
def rbytes(n):
    return bytes(rng.getrandbits(8) for _ in range(n))
def soup(n):
    return bytes(ALPHA[rng.getrandbits(16) % len(ALPHA)] for _ in range(n))
def s(f, *a, **k):
    try:
        return repr(f(*a, **k))
    except (B.Error, ValueError) as e:
        return type(e).__name__ + ":" + str(e)
for i in range(150):
    d = rbytes(rng.getrandbits(7) % 90)
    a = soup(rng.getrandbits(7) % 90)
    flags = [rng.getrandbits(1) for _ in range(3)]
    print(i, s(B.b2a_qp, d, *flags), s(B.b2a_qp, a, *flags), s(B.a2b_qp, a, flags[2]))
    print(" ", s(B.a2b_base64, a), s(B.a2b_base64, a, strict_mode=True), s(B.a2b_uu, a), s(B.a2b_hex, a))
    print(" ", s(B.b2a_base64, d), s(B.b2a_uu, d[:45], backtick=flags[0]), B.crc32(d, rng.getrandbits(33)),
          B.crc_hqx(d, rng.getrandbits(17)), s(B.hexlify, d, "-:|"[i % 3], rng.getrandbits(3) - 4))
    assert B.a2b_base64(B.b2a_base64(d)) == d and B.unhexlify(B.hexlify(d)) == d
    assert B.a2b_qp(B.b2a_qp(d)) == d or b"\r" in d or b"\n" in d
