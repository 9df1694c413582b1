# repr() of strings chooses quotes and escapes non-printables
cases = ["", "'", '"', "'\"", "\\", "\n\r\t", "\x00", "\x1f", "\x7f", "\x80", "\x9f", "\xa0", "\xad", "é", "\u0378",
         "\u200b", "\u2028", "\ud800", "\udfff", "\ue000", "\uffff", "\U00010000", "\U0001f600", "\U000e0001", "\U0010ffff", "a'b\"c"]
for s in cases:
    print(repr(s), ascii(s), len(repr(s)))
print(repr("".join(chr(c) for c in range(0, 40))))
print(repr("".join(chr(c) for c in range(120, 170))))
