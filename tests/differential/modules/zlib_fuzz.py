# zlib streaming fuzz: random data, levels, strategies, wbits, chunk sizes,
# flush modes and max_length, checked by digests of what comes out
import zlib, random
rng = random.Random(1234)
def sample(n):
    kind = rng.randrange(3)
    if kind == 0:
        return bytes(rng.randrange(256) for _ in range(n))
    if kind == 1:
        words = [b"alpha", b"beta", b"gamma", b"delta", b" ", b"\n", b"0123"]
        return b"".join(rng.choice(words) for _ in range(n // 3))[:n]
    return bytes([rng.randrange(4)]) * n
for case in range(40):
    data = sample(rng.randrange(0, 30000))
    level = rng.choice([-1, 0, 1, 3, 6, 9])
    strategy = rng.choice([0, 1, 2, 3, 4])
    wbits = rng.choice([-15, -10, 9, 12, 15, 25, 31])
    mem = rng.choice([1, 5, 8, 9])
    co = zlib.compressobj(level, zlib.DEFLATED, wbits, mem, strategy)
    out = []
    pos = 0
    while pos < len(data):
        n = rng.randrange(1, 5000)
        out.append(co.compress(data[pos:pos + n]))
        pos += n
        if rng.random() < 0.2:
            out.append(co.flush(rng.choice([zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_BLOCK, zlib.Z_NO_FLUSH])))
    out.append(co.flush())
    comp = b"".join(out)
    do = zlib.decompressobj(wbits if rng.random() < 0.7 or wbits < 0 else 47)
    got = []
    buf = comp
    while buf:
        n = rng.randrange(1, 4000)
        piece, buf = buf[:n], buf[n:]
        ml = rng.choice([0, 0, 1, 100, 5000])
        r = do.decompress(piece, ml)
        got.append(r)
        while do.unconsumed_tail and not do.eof:
            got.append(do.decompress(do.unconsumed_tail, ml))
    got.append(do.flush())
    res = b"".join(got)
    print(case, len(data), level, strategy, wbits, mem, len(comp), zlib.crc32(comp), zlib.adler32(comp), res == data, do.eof, len(do.unused_data))
    if wbits > 0:
        one = zlib.compress(data, level, wbits)
        print("  ", len(one), zlib.crc32(one), zlib.decompress(one, wbits) == data)
