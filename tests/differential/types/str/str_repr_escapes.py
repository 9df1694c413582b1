# repr() of strings chooses quotes and escapes non-printables
cases = ["", "'", '"', "'\"", "\\", "\n\r\t", "\x00", "\x1f", "\x7f", "\x80", "\x9f", "\xa0", "\xad", "é", "\u0378",
         "\u200b", "\u2028", "\ud800", "\udfff", "\ue000", "\uffff", "\U00010000", "\U0001f600", "\U000e0001", "\U0010ffff", "a'b\"c"]
for s in cases:
    print(repr(s), ascii(s), len(repr(s)))
print(repr("".join(chr(c) for c in range(0, 40))))
print(repr("".join(chr(c) for c in range(120, 170))))
class S(str):
    pass
print(repr(S("sub")), repr(S("it's")), str(S("plain")))
print(repr("\\x41"), repr("\\"), repr("\\'"), repr('\\"'))
print(repr("tab\there"), repr("bell\a"), repr("back\b"), repr("form\f"), repr("vtab\v"))
print(repr("\r\n"), repr("\x0b\x0c"), repr("\x1b[0m"))
print(repr("a" * 3 + "'" + '"'), repr("'" * 2), repr('"' * 2))
print(repr(repr("nested")), repr(str(b"bytes")), eval(repr("round\ttrip\u2028é😀")) == "round\ttrip\u2028é😀")
print(ascii("plain"), ascii("é"), ascii("\u2028"), ascii("😀"), ascii("\x00"), ascii("\x7f"))
print(ascii(["é", b"\xe9", 1.5, None]), ascii({"ключ": "значение"}))
for s in ["", "'", '"', "'\"", "\\", "é"]:
    assert eval(repr(s)) == s and eval(ascii(s)) == s
print("repr/ascii round trips ok")
print(repr("\ud83d\ude00"), len("\ud83d\ude00"), "\ud83d\ude00" == "😀")
print(repr("\u0301"), repr("e\u0301"), repr("\u00ad"), repr("\ufeff"))
