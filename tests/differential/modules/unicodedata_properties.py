# unicodedata's per-character properties over planes 0-1 (every code point),
# planes 2-3 (sampled) and 14, in both databases (Unicode 14.0.0 and
# ucd_3_2_0), hashed; then a sample shown.
import hashlib
import unicodedata as u

for db in (u, u.ucd_3_2_0):
    h = hashlib.sha1()
    for i in list(range(0, 0x20000)) + list(range(0x20000, 0x40000, 17)) + list(range(0xE0000, 0xE0200)) + [0xF0000, 0x10FFFD, 0x10FFFF]:
        c = chr(i)
        h.update(("%s%s%s%s%s%s%s%s%s" % (
            db.category(c), db.bidirectional(c), db.combining(c), db.east_asian_width(c),
            db.mirrored(c), db.decomposition(c), db.decimal(c, -1), db.digit(c, -1),
            db.numeric(c, -1))).encode())
    print(db.unidata_version, h.hexdigest())

for c in "aZ5½Ⅻ٣௰\u0301\u00e9\uac00\u4e00\U0001F600\ud800\ue000\U000F0000\U0010FFFF\u0f33\u2028\u3000":
    print(ascii(c), u.category(c), u.bidirectional(c), u.combining(c), u.east_asian_width(c),
          u.mirrored(c), repr(u.decomposition(c)), u.decimal(c, None), u.digit(c, None), u.numeric(c, None))
print(u.unidata_version, u.ucd_3_2_0.unidata_version, type(u.ucd_3_2_0).__name__)


def show(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__, e)


show(u.category, "ab")
show(u.category, 5)
show(u.category)
show(u.decimal, "x")
show(u.digit, "x")
show(u.numeric, "x")
show(u.numeric, "x", "dflt")
show(u.decimal, "a", 1, 2)
show(u.UCD)
show(u.ucd_3_2_0.category, "\u0221")
show(u.ucd_3_2_0.category, "\u20ac")
