# codeop / PyCF_ALLOW_INCOMPLETE_INPUT: which inputs need more lines.
import codeop
cases = ["(a **", "a = (", "if 1:", "if 1:\n", "def x():\n  pass", "def x():\n  pass\n",
         "a = 9+ \\", "a = 'a\\", "a = '''xy", "x = [1,\n2,", "a b", "a @", "a = 'a\\ ",
         "a = 'a\\\n", "if 1: pass", "1 +", "", "x = 1"]
for mode in ("single", "exec"):
    for c in cases:
        try:
            r = codeop.compile_command(c, "<i>", mode)
            r = "incomplete" if r is None else "code"
        except SyntaxError as e:
            r = "SyntaxError"
        print(mode, repr(c), r)
for c in ["def x():\n  pass", "if 1: pass", "x = 1"]:
    try:
        compile(c, "<i>", "single", 0x200, True)
        print(repr(c), "ok")
    except SyntaxError as e:
        print(repr(c), e.msg)
