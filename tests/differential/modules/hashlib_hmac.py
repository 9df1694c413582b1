# hashlib over the builtin hash modules (no OpenSSL needed for these
# names) and hmac: constructors, new() by name, file_digest, errors
import hashlib, hmac, io
def e(f):
    try:
        print("ok", f())
    except Exception as x:
        print(type(x).__name__, x)
names = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384", "sha3_512", "blake2b", "blake2s"]
for n in names:
    h = hashlib.new(n, b"The quick brown fox")
    print(n, h.name, h.digest_size, h.block_size, h.hexdigest())
    g = getattr(hashlib, n)(b"The quick brown fox")
    print(" ", g.hexdigest() == h.hexdigest(), hashlib.new(n.upper() if n.startswith("sha") and "_" not in n else n, b"").hexdigest() == hashlib.new(n).hexdigest())
for n in ("shake_128", "shake_256"):
    h = hashlib.new(n, b"abc")
    print(n, h.name, h.hexdigest(12), getattr(hashlib, n)(b"abc").digest(12) == h.digest(12))
print(sorted(hashlib.algorithms_guaranteed))
print(hashlib.blake2b(b"x", digest_size=8, key=b"k").hexdigest(), hashlib.blake2s(b"x", person=b"p").hexdigest()[:16])
data = b"file contents " * 2000
for n in ("sha256", "md5", "blake2b"):
    print(n, hashlib.file_digest(io.BytesIO(data), n).hexdigest() == hashlib.new(n, data).hexdigest())
print(hashlib.file_digest(io.BytesIO(data), hashlib.sha1).hexdigest())
e(lambda: hashlib.new("nope"))
e(lambda: hashlib.new("md5", "str"))
e(lambda: hashlib.sha256("str"))
e(lambda: hashlib.md5(usedforsecurity=False).hexdigest())
try:
    hashlib.file_digest(io.StringIO("x"), "md5")
except ValueError as x:
    print("ValueError", str(x).split(" object at ")[0])
for n in ("md5", "sha1", "sha256", "sha512", "sha3_256", "blake2b"):
    m = hmac.new(b"key", b"message", n)
    print("hmac", n, m.name, m.digest_size, m.block_size, m.hexdigest())
    m2 = m.copy(); m2.update(b" more")
    print(" ", m2.hexdigest() == hmac.new(b"key", b"message more", n).hexdigest(), hmac.digest(b"key", b"message", n) == m.digest())
m = hmac.new(b"k" * 200, digestmod=hashlib.sha256)
m.update(b"a"); m.update(b"b")
print(m.hexdigest(), hmac.compare_digest(m.digest(), hmac.new(b"k" * 200, b"ab", "sha256").digest()))
print(hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest("abc", "abd"))
e(lambda: hmac.new(b"key"))
e(lambda: hmac.new("key", b"x", "md5"))
