import sys
for s in ["1 +", "(1", "[1,", "1 if 2", "x.", "f(", "", "  ", "\n", "1 +\n", "1 2", "a b c", "lambda:", "1 +  ", "# c", "1 + # c"]:
    for mode in ["eval", "exec"]:
        try:
            compile(s, "<e>", mode); print(mode, repr(s), "OK")
        except SyntaxError as e:
            print(mode, repr(s), type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
