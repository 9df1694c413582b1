# compile() builtin argument handling and code object attributes
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

c = compile("x = 1\ny = x + 1\n", "myfile.py", "exec")
t(lambda: c.co_filename)
t(lambda: c.co_name)
t(lambda: sorted(c.co_names))
t(lambda: c.co_firstlineno)
t(lambda: type(c.co_code).__name__)
e = compile("a + b", "<expr>", "eval")
t(lambda: sorted(e.co_names))
t(lambda: eval(e, {"a": 1, "b": 2}))
t(lambda: compile("x", "f", "exec", 0, False, -1).co_filename)
t(lambda: compile("x", b"bytes-name", "exec").co_filename)
t(lambda: compile("x", "f", "EXEC"))
t(lambda: compile("x", "f"))
t(lambda: compile())
t(lambda: compile("def f(:", "bad.py", "exec"))
try:
    compile("\n\nx = = 1", "where.py", "exec")
except SyntaxError as err:
    print(err.filename, err.lineno, err.msg)
try:
    compile("x = (\n1,\n2", "open.py", "exec")
except SyntaxError as err:
    print(err.filename, err.lineno, err.msg)
t(lambda: exec(compile("z = 5", "<x>", "exec"), {}) is None)
