# _codecs escape codecs: escape_*, unicode_escape_*, raw_unicode_escape_*.
import codecs, _codecs

print(_codecs.escape_encode(b"a'b\"c\\\t\n\r\x00\x7f\xff"))
print(_codecs.escape_decode(b"a\\'\\\"\\\\\\t\\n\\x41\\101\\0\\\nz"), _codecs.escape_decode("\\x41é"))
for bad in (b"\\x4", b"\\xzz", b"abc\\"):
    for err in ("strict", "replace", "ignore"):
        try:
            print(_codecs.escape_decode(bad, err))
        except ValueError as e:
            print(type(e).__name__, e)
try:
    _codecs.escape_encode("x")
except TypeError as e:
    print(type(e).__name__, e)

s = "a\\b\t\n\r'\"\x00\x7f\xe9\u20ac\U0001f600"
print(_codecs.unicode_escape_encode(s), s.encode('unicode_escape'))
print(_codecs.raw_unicode_escape_encode(s), s.encode('raw_unicode_escape'))
e = s.encode('unicode_escape')
print(e.decode('unicode_escape') == s, _codecs.unicode_escape_decode(e)[1] == len(e))
print(_codecs.unicode_escape_decode(b"\\x41\\u00e9\\U0001F600\\101\\a\\\n!"))
print(_codecs.unicode_escape_decode(b"ab\\u12", None, False), _codecs.unicode_escape_decode(b"ab\\", None, False))
print(_codecs.raw_unicode_escape_decode(b"a\\u00e9\\n\\\\u0041\\U0001f600\\"))
print(b"\\u00e9".decode('raw_unicode_escape'), "é".encode('raw_unicode_escape'), b"\xe9".decode('unicode_escape'))
for bad in (b"\\x4", b"\\u12g", b"\\U00110000", b"x\\", b"\\U1234"):
    for err in ("strict", "replace", "ignore", "backslashreplace"):
        try:
            print(bad.decode('unicode_escape', err))
        except UnicodeDecodeError as e:
            print(type(e).__name__, e)
try:
    b"\\U00110000".decode('raw_unicode_escape')
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
d = codecs.getincrementaldecoder('unicode_escape')()
print(repr(d.decode(b'a\\u00')), repr(d.decode(b'e9b', True)))
