for s in [" \\\n 1", "  \\\n1", " \\\n  x = 1", "\t\\\n 1"]:
    for mode in ["eval", "exec"]:
        try:
            compile(s, "<e>", mode); print(mode, repr(s), "OK")
        except SyntaxError as e:
            print(mode, repr(s), type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
for s in ["\\\n 1", "\\\n1", "x = \\\n 1"]:
    for mode in ["eval", "exec"]:
        try:
            compile(s, "<e>", mode); print(mode, repr(s), "OK")
        except SyntaxError as e:
            print(mode, repr(s), type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
