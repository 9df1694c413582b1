# _string: formatter_parser and formatter_field_name_split (string.Formatter's base)
import _string
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for s in ["", "abc", "a{}b", "{0!r:>{1}}x", "{{}}", "x{a.b[c]}y{0[1]:}", "{!s}", "}}{{", "{:{}}", "a{", "a}", "{0!}", "{0:{", "é{€}😀"]:
    t(lambda: list(_string.formatter_parser(s)))
it = _string.formatter_parser("ok{0}then}")
print(type(it).__name__, next(it))
t(lambda: next(it))
for s in ["a", "0", "", "a.b[0][x]", "12.real", "a[", "a.", "a[]", "a]b", "a.b.c[1.5]", "٣"]:
    def f():
        first, rest = _string.formatter_field_name_split(s)
        return first, type(rest).__name__, list(rest)
    t(f)
first, rest = _string.formatter_field_name_split("x.y.")
print(first, next(rest))
t(lambda: next(rest))
t(lambda: _string.formatter_parser(1))
t(lambda: _string.formatter_field_name_split(b"x"))
t(lambda: _string.formatter_parser())
