# compile(..., 'single') takes one logical line: several statements joined
# by ';' run (each expression echoed), separate lines are refused.
import sys

ns = {}
exec(compile("x = 1; y = 2", "<s>", "single"), ns)
print(ns["x"], ns["y"])
exec(compile("x + y; x * y; None", "<s>", "single"), ns)
exec(compile("z = 3; print(z)\n", "<s>", "single"), ns)
exec(compile("if x: a = 1; b = 2\n", "<s>", "single"), ns)
print(ns["a"], ns["b"])
for src in ["x = 1\ny = 2\n", "x = 1; y = 2\nz = 3\n"]:
    try:
        compile(src, "<s>", "single")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno)
print(sys.displayhook is sys.__displayhook__)
