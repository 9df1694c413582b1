# the builtin hash modules (_md5, _sha1, _sha256, _sha512, _sha3, _blake2):
# known vectors, streaming, copy(), attributes, type names and errors
import _md5, _sha1, _sha256, _sha512, _sha3, _blake2
def e(f):
    try:
        print("ok", f())
    except Exception as x:
        print(type(x).__name__, x)
ctors = [_md5.md5, _sha1.sha1, _sha256.sha224, _sha256.sha256, _sha512.sha384, _sha512.sha512,
         _sha3.sha3_224, _sha3.sha3_256, _sha3.sha3_384, _sha3.sha3_512, _blake2.blake2b, _blake2.blake2s]
msgs = [b"", b"abc", b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", b"a" * 1000, bytes(range(256)) * 40]
for c in ctors:
    h = c()
    print(type(h).__module__, type(h).__name__, h.name, h.digest_size, h.block_size)
    for m in msgs:
        print(" ", c(m).hexdigest())
    for i in range(0, len(msgs[4]), 333):
        h.update(msgs[4][i:i + 333])
    print(" stream", h.hexdigest() == c(msgs[4]).hexdigest(), h.digest() == bytes.fromhex(h.hexdigest()))
    h1 = c(b"prefix")
    h2 = h1.copy()
    h1.update(b"one"); h2.update(b"two")
    print(" copy", h1.hexdigest() == c(b"prefixone").hexdigest(), h2.hexdigest() == c(b"prefixtwo").hexdigest())
    print(" types", c(bytearray(b"abc")).digest() == c(memoryview(b"xabc")[1:]).digest() == c(b"abc").digest())
    e(lambda: c("abc"))
    e(lambda: c().update("abc"))
    e(lambda: c(1))
    e(lambda: c().update(None))
    e(lambda: c(b"x", usedforsecurity=False).hexdigest()[:8])
for c in (_sha3.shake_128, _sha3.shake_256):
    h = c(b"abc")
    print(type(h).__name__, h.name, h.digest_size, h.block_size, h._capacity_bits, h._rate_bits, h._suffix)
    print(" ", h.hexdigest(0), h.hexdigest(7), h.digest(40).hex(), c().hexdigest(16), c(b"x" * 5000).hexdigest(16))
    g = h.copy(); g.update(b"def")
    print(" ", g.hexdigest(8) == c(b"abcdef").hexdigest(8), h.hexdigest(8) == c(b"abc").hexdigest(8))
    e(lambda: h.digest())
    e(lambda: h.hexdigest(-1))
    e(lambda: h.digest(2**40))
    e(lambda: h.digest(1.5))
    e(lambda: h.digest(length=4))
for c in (_sha3.sha3_224, _sha3.sha3_512):
    h = c(); print(h._capacity_bits, h._rate_bits, h._suffix)
print(sorted(n for n in dir(_md5) if not n.startswith("__")), _md5.MD5Type is type(_md5.md5()))
print(sorted(n for n in dir(_sha256) if not n.startswith("__")), sorted(n for n in dir(_sha512) if not n.startswith("__")))
print(_sha512.SHA384Type.__name__, _sha1.SHA1Type.__name__, _sha3.implementation, _sha3.keccakopt)
print(repr(_md5.md5())[:16], repr(_sha3.sha3_256())[:24], repr(_blake2.blake2s())[:22])
e(lambda: type(_md5.md5())())
e(lambda: type(_sha256.sha256())())
e(lambda: _md5.md5(b"a", b"b"))
e(lambda: _md5.md5(string=b"a").hexdigest())
e(lambda: _md5.md5(data=b"a"))
e(lambda: _md5.md5().update())
e(lambda: _md5.md5().digest(1))
e(lambda: _md5.md5().copy(1))
e(lambda: _sha3.sha3_224().copy(1))
e(lambda: _blake2.blake2b().digest(1))
e(lambda: _sha3.shake_128().hexdigest(1, 2))
e(lambda: _sha3.sha3_224(b"a", b"b"))
e(lambda: _sha3.sha3_224(data=b"a"))
e(lambda: _sha3.sha3_224(None))
e(lambda: _md5.md5(None))
e(lambda: _md5.md5(memoryview(b"abcd")[::2]))
e(lambda: _md5.md5(memoryview(b"abcdefgh").cast("B", (2, 4))).hexdigest())
e(lambda: _md5.md5(memoryview(b"abcdefgh").cast("I")).hexdigest())
e(lambda: type(_sha3.sha3_224(b"q")).__mro__)
e(lambda: type("S", (_sha3.sha3_224,), {}))
