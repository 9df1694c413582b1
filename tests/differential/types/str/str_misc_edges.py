# assorted str methods: padding, tabs, lines, translate, repetition, comparisons
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for w in range(0, 9):
    print(w, repr("abc".center(w, "*")), repr("ab".center(w)), repr("é".ljust(w, "€")), repr("x".rjust(w, "😀")))
for s in ["42", "-42", "+42", "", "-", "é", "--3", " 7"]:
    print(repr(s.zfill(5)), repr(s.zfill(-1)))
for s in ["a\tb", "\t", "ab\tcd\n\te", "a\r\tb", "€\t€", "12345678\tx"]:
    print([s.expandtabs(n) for n in (0, 1, 2, 4, 8, -1)], repr(s.expandtabs()))
t(lambda: "a\tb".expandtabs(2**63))
t(lambda: "\t".expandtabs(2**40))
seps = "a\nb\rc\r\nd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l\n\nm\r"
print(seps.splitlines(), seps.splitlines(True), "".splitlines(), "\n".splitlines(), "x\n".splitlines(keepends=True))
t(lambda: "abc".translate({97: "xyz", 98: None, 99: 0x1f600}))
t(lambda: "abc".translate(str.maketrans("abc", "ABC", "b")))
t(lambda: "abc".translate([None, "x"] * 60))
t(lambda: "abc".translate({}))
t(lambda: "aé€".translate({233: "e", 8364: "EUR"}))
class Tbl:
    def __getitem__(self, k):
        if k == 98:
            raise LookupError
        if k == 99:
            raise ValueError("boom")
        return k + 1
t(lambda: "ab".translate(Tbl()))
t(lambda: "abc".translate(Tbl()))
t(lambda: "ab" * 3)
t(lambda: 3 * "ab")
t(lambda: "ab" * -1)
t(lambda: "ab" * 0)
t(lambda: "ab" * 2**62)
t(lambda: "ab" * 1.5)
t(lambda: "" * 2**62)
t(lambda: "a" < "b" < "ba" < "€" < "😀")
t(lambda: "a" < 1)
t(lambda: "a" == 1)
t(lambda: "a" != b"a")
t(lambda: sorted(["b", "A", "é", "a", "😀", "€", ""]))
t(lambda: max("hello"))
t(lambda: "abc"[::-1] + "abc"[1:100] + "abc"[-100:1] + "abc"[::2])
t(lambda: "é€😀"[::-1])
t(lambda: "abc"[3])
t(lambda: "abc"[-4])
k = "1"
t(lambda: "abc"[k])
k2 = 1.0
t(lambda: "abc"[k2])
t(lambda: "abc"[None:None:0])
t(lambda: "ab" + 1)
t(lambda: 1 + "ab")
t(lambda: "ab" + b"c")
t(lambda: "x".join(["a", "é", "😀"]))
t(lambda: "".join([]))
t(lambda: "".join(iter(["a", "b"])))
t(lambda: ", ".join(str(i) for i in range(5)))
t(lambda: "abc".removeprefix("ab") + "abc".removesuffix("bc") + "abc".removeprefix("") + "abc".removesuffix("abcd"))
t(lambda: ["  x ".strip(), "xxaxx".strip("x"), "\u2003a\u2003".strip(), "ab".strip(""), "aéa".strip("a"), "..a..".lstrip("."), "..a..".rstrip(".")])
t(lambda: [("a b" + c + "c").split() for c in "\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u200b\u3000"])
t(lambda: "a,b,,c,".split(",") + "a,b,,c,".rsplit(",", 2) + "a,b".split(",", 0) + "".split(",") + "".split())
t(lambda: "aaa".split("aa") + "aaa".rsplit("aa"))
t(lambda: str(), )
t(lambda: str(b"abc"))
t(lambda: str(b"abc", "ascii", "strict"))
class S(str):
    def __str__(self):
        return "custom"
t(lambda: str(S("x")))
t(lambda: type(str(S("x"))).__name__)
t(lambda: S("abc").upper() + S("a") * 2)
t(lambda: type(S("abc")[0:2]).__name__)
t(lambda: type(S("abc") + "d").__name__)
t(lambda: "%s" % S("y"))
t(lambda: hash("abc") == hash(S("abc")))
t(lambda: "a".__sizeof__() > 0)
t(lambda: "abc".__getnewargs__())
t(lambda: "abc".__contains__("b"))
t(lambda: 5 in "abc")
t(lambda: "abc".count("", 1) + "abc".count("", 10) + "".count(""))
t(lambda: "abcabc".index("c", -2) + "abcabc".rindex("a", 0, -2))
t(lambda: "Hello World".swapcase().title().capitalize().casefold())
t(lambda: ["ǆ".title(), "ǆ".upper(), "ǆ".capitalize(), "ﬁx".title(), "ŉ".upper(), "ΣΑΣ".lower(), "a.Σ".lower(), "ß".upper()])
t(lambda: ["Ab Cd".istitle(), "ǅa".istitle(), "AB".isupper(), "ab1".islower(), "1".islower(), "Ⅷ".isupper(), "ⓐ".islower()])
t(lambda: ["½".isnumeric(), "½".isdigit(), "²".isdigit(), "²".isdecimal(), "٣".isdecimal(), "Ⅷ".isnumeric(), "a1".isalnum(), "".isalnum()])
t(lambda: ["\x85".isspace(), "\u200b".isspace(), "\x1f".isspace(), "a b".isspace(), "".isspace(), "\t".isprintable(), "".isprintable()])
t(lambda: ["a1_".isidentifier(), "1a".isidentifier(), "_".isidentifier(), "é".isidentifier(), "℘".isidentifier(), "a·".isidentifier(), "·".isidentifier()])
