# unicodedata.name/lookup (algorithmic names, aliases, named sequences),
# every name read back, and \N{...} escapes in literals and unicode_escape.
import unicodedata as u

n = 0
for i in range(0x110000):
    name = u.name(chr(i), None)
    if name is not None:
        n += 1
        assert u.lookup(name) == chr(i), hex(i)
        if not name.startswith(("HANGUL SYLLABLE", "CJK UNIFIED")):
            assert u.lookup(name.lower()) == chr(i), hex(i)
print("named", n)
print(sum(1 for i in range(0x110000) if u.ucd_3_2_0.name(chr(i), None)))

for c in "a\u00e9\uac00\ud7a3\u4e00\u9fff\U0002a6df\U00017000\U00018b00\U0001b170\uf900\U0001F600\x00\ue000":
    print(ascii(c), u.name(c, None), u.ucd_3_2_0.name(c, None))


def show(f, *a):
    try:
        print(ascii(f(*a)))
    except Exception as e:
        print(type(e).__name__, e)


for name in ["LATIN SMALL LETTER A", "latin small letter a", "HANGUL SYLLABLE GAG", "hangul syllable gag",
             "CJK UNIFIED IDEOGRAPH-4E00", "CJK UNIFIED IDEOGRAPH-4e00", "CJK UNIFIED IDEOGRAPH-9FFF",
             "CJK UNIFIED IDEOGRAPH-31350", "LATIN CAPITAL LETTER GHA", "BYTE ORDER MARK", "NBSP",
             "KEYCAP NUMBER SIGN", "LATIN SMALL LETTER R WITH TILDE", "TAMIL SYLLABLE SSA", "NOT A NAME", "",
             "x" * 300, b"SNOWMAN", "SNOW\x00MAN", "HANGUL SYLLABLE "]:
    show(u.lookup, name)
    show(u.ucd_3_2_0.lookup, name)
show(u.lookup, 5)
show(u.name, "ab")
show(u.name, "\x00")
print(u.name("\x00", "none"))

print(ascii("\N{LATIN SMALL LETTER A}\N{latin capital letter gha}\N{EM DASH}\N{HANGUL SYLLABLE GAG}"))
print(ascii(f"\N{SNOWMAN}{1}"))
for src in [r"'\N{NOT A NAME}'", r"'\N{KEYCAP NUMBER SIGN}'", r"'\N{CJK UNIFIED IDEOGRAPH-31350}'", r"'ab\N{ EM DASH}'",
            r"'\N{SNOWMAN'", r"'\N'"]:
    try:
        print(ascii(eval(src)))
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.offset)
for raw in [rb"\N{SNOWMAN}x", rb"\N{latin capital letter gha}", rb"\N{NOPE}", rb"\N{KEYCAP NUMBER SIGN}", rb"a\N{", rb"\Nx", rb"\N{}"]:
    for errors in ("strict", "replace", "backslashreplace"):
        try:
            print(ascii(raw.decode("unicode_escape", errors)))
        except UnicodeDecodeError as e:
            print("UnicodeDecodeError", e)
import codecs
d = codecs.getincrementaldecoder("unicode_escape")()
print(ascii(d.decode(b"a\\N{SNO")), ascii(d.decode(b"WMAN}b", True)))
