# printf-style formatting limits and argument kinds, bytes and str.
import sys
def t(f, args):
    try:
        r = f % args
        print(repr(f), "->", repr(r)[:40])
    except Exception as e:
        print(repr(f), type(e).__name__, e)
for f in [b"no format", "no format"]:
    for args in [(), 7, b"1", bytearray(b"1"), {}, {"a": 1}, [1]]:
        t(f, args)
for f in [b"%.*d", "%.*d", b"%*d", "%*d", b"%.*f", "%.*f", b"%*s", "%*s"]:
    for n in [sys.maxsize, 2**63, 3, -3] + ([2**31, -2**31 - 1] if "." in str(f) else []):
        text = b"x" if type(f) is bytes else "x"
        t(f, (n, text if f.endswith(text[:0] + (b"s" if type(f) is bytes else "s")) else 1))
for f in [b"%99999999999999999999d", b"%.99999999999d", "%.99999999999d", "%99999999999999999999d"]:
    t(f, 1)
text = "abcde"
print(text % () is text, text % {} is text, "%s" % text is text, "ab%%" % () == "ab%")
class S(str): pass
s = S("xyz")
print(type(s % ()).__name__, s % () == "xyz")
for f in ["%.70000f", "%.70000e", "%#.70000g", "%.1100f"]:
    r = f % 1.5
    print(f, len(r), r[:5], r[-3:], len(bytes(f, "ascii") % 0.1))
print(len(format(2.5, ".66000f")), len(format(1e300, ".67000e")), format(1e-300, ".80000f")[-3:])
for f, v in [(b"%g", "1"), (b"%f", b"1"), (b"%e", 10**400), (b"%.2f", 2), ("%g", "1"), ("%e", 10**400)]:
    t(f, v)
text = "abcde"
print(text.format() is text, type(S("ab").format()).__name__, type(S("ab{{").format()).__name__, "a{{".format())
