# Warnings the compiler issues (CPython 3.11): DeprecationWarning for invalid
# escape sequences, SyntaxWarning for `is` with a literal, asserting a tuple,
# a call or subscript that looks like a missed comma, a number glued to a
# keyword; their file name and line; and the SyntaxError each becomes when
# the filters make it an error.
import warnings


def record(src, mode="exec"):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            compile(src, "<case>", mode)
            outcome = "ok"
        except SyntaxError as e:
            outcome = f"SyntaxError {e.msg} {e.lineno}"
    print(repr(src), outcome, [(x.category.__name__, str(x.message), x.filename, x.lineno) for x in w])


def as_error(src, category, mode="exec"):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("error", category)
        try:
            compile(src, "<case>", mode)
            print(repr(src), "compiled")
        except SyntaxError as e:
            print(repr(src), type(e).__name__, e.msg, e.filename, e.lineno, e.offset)
    print("  leaked:", len(w))


for src in [r"'\z'", r"b'\z'", r"'\d' '\w'", r"'\d\w'", "'''\n\\z'''", "x = 1\n'''\n\n\\q'''",
            r"'\407'", r"b'\777'", r"'\N{DIGIT ONE}\z'", r"b'\N'", r"'\8'", r"r'\z'", r"'\u0041'",
            r"f'\z{1}'", r"f'{1:\z}'", r"f'\{6*7}'", r"f'\z{{\y'", r"rf'\z'", "'\\\u00e9'"]:
    record(src, "eval")
record("'\\e' $")
print(eval(r"'\z\407'") == "\\z\u0107", eval(r"f'\{6*7}'"))

for src in ["x is 1", "x is 'a'", "1 is x", "x is y is 1", "x is not 1", "x is ()", "x is -1",
            "x is None", "x is True", "x is ...", "x == 1",
            "assert(x, 'msg')", "assert(False,)", "assert ()", "assert x, 'msg'",
            "[(1, 2) (3, 4)]", "[(x, y) (3, 4)]", "[[1] (3,)]", "[{1: 2} (3,)]", "['a' (3,)]",
            "[f'{x}' (3,)]", "[None (3,)]", "[(lambda: 1) (3,)]", "[x (3,)]",
            "[{1, 2} [i]]", "[None [i]]", "[True [i]]", "[(lambda: 1) [i]]", "[12.5j [i]]",
            "[(1, 2) [i, j]]", "[[1, 2] [{3}]]", "[[1, 2] ['a']]", "[[1, 2] [0]]", "[[1, 2] [i]]",
            "[[1, 2] [True]]", "[[1, 2] [1:2]]", "['abc' [b'x']]", "x[1] = [1] [2, 3]",
            "if x is 1:\n    pass", "y = x is 1 < 2 is 3",
            "9in x", "0xfor x", "1jif x else y", "0o7or x", "0b1not in x", "1.5and x",
            "1e3is x"]:
    record(src)

as_error("x is 1", SyntaxWarning)
as_error("\n\nassert (a, b)", SyntaxWarning)
as_error("[(1, 2) (3, 4)]", SyntaxWarning)
as_error("0xfor x", SyntaxWarning, "eval")
as_error("1jif x else y", SyntaxWarning, "eval")
as_error("x = 9in x", SyntaxWarning)
as_error("1.5and x", SyntaxWarning, "eval")
as_error("'''\n\\z'''", DeprecationWarning, "eval")
as_error("b'''\n\\407'''", DeprecationWarning, "eval")
as_error("x = 1\nf'{x}\\q'", DeprecationWarning)
as_error("x is None", SyntaxWarning)
