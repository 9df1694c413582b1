# unicodedata.normalize / is_normalized in both databases, and the stdlib
# modules that use ucd_3_2_0 (stringprep, encodings.idna).
import unicodedata as u

samples = ["", "abc", "\u00e9", "e\u0301", "\u1e0b\u0323", "d\u0307\u0323", "\u212b", "\ufb01", "\u2460",
           "\uac00", "\u1100\u1161\u11a8", "\u1100\u1161", "\uac00\u11a8", "\u0041\u030a\u0301", "\u0f73",
           "\u00bd", "\u1e9b\u0323", "\ufdfa", "\u0344", "\u0958", "\u2add\u0338", "\U0001d15e",
           "\uf951", "\U0002f868", "\U0002f874", "a\u0316\u0301\u0300b", "\u0b47\u0b3e", "\u3131\u314f"]
for s in samples:
    for f in ("NFC", "NFD", "NFKC", "NFKD"):
        print(ascii(s), f, ascii(u.normalize(f, s)), u.is_normalized(f, s),
              ascii(u.ucd_3_2_0.normalize(f, s)), u.ucd_3_2_0.is_normalized(f, s))

# Every code point alone and followed by combining marks, hashed.
import hashlib
for db in (u, u.ucd_3_2_0):
    h = hashlib.sha1()
    for i in range(0xA0, 0x30000):
        c = chr(i)
        for f in ("NFC", "NFKD"):
            h.update(db.normalize(f, c + "\u0316\u0301").encode("utf-8", "surrogatepass"))
    print(db.unidata_version, h.hexdigest())


def show(f, *a):
    try:
        print(ascii(f(*a)))
    except Exception as e:
        print(type(e).__name__, e)


show(u.normalize, "NFX", "a")
show(u.normalize, "NFC", b"a")
show(u.normalize, b"NFC", "a")
show(u.is_normalized, "nfc", "a")
s = "plain"
print(u.normalize("NFC", s) is s)

import stringprep
print(stringprep.in_table_b1("\u00ad"), stringprep.map_table_b2("\u00c5"), stringprep.in_table_c22("\u200d"),
      stringprep.in_table_d1("\u05d0"), stringprep.in_table_a1("\u0221"))
for name in ["straße.de", "bücher.example", "Ὀδυσσεύς.gr", "xn--bcher-kva.example", "ÄÖÜ.com"]:
    try:
        print(ascii(name.encode("idna")), ascii(name.encode("idna").decode("idna")))
    except UnicodeError as e:
        print("UnicodeError", e)

# Random strings of assigned characters and combining marks: normalize and
# is_normalized (its quick check and the full comparison) in both databases.
import random
random.seed(5)
pool = [c for c in map(chr, range(0x20, 0x30000, 3)) if u.category(c) not in ("Cn", "Cs")]
marks = [c for c in map(chr, range(0x300, 0x30000)) if u.combining(c)] + ["\u1161", "\u11a8", "\u0b3e", "\u0cd5", "\u0dcf", "\u102e"]
res = []
for k in range(3000):
    s = "".join(random.choice(pool) if random.random() < 0.6 else random.choice(marks) for _ in range(random.randint(1, 6)))
    for f in ("NFC", "NFD", "NFKC", "NFKD"):
        for db in (u, u.ucd_3_2_0):
            n = db.normalize(f, s)
            res.append((n, db.is_normalized(f, s), db.is_normalized(f, n)))
print(hashlib.sha1(repr(res).encode("utf-8", "surrogatepass")).hexdigest())
