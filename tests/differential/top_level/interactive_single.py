# 'single' mode compiles one interactive statement and prints expression values
src = [
    "1 + 1",
    "'text'",
    "None",
    "x = 10",
    "x",
    "[x, x * 2]",
    "for i in range(2): i",
    "if True:\n    'in block'\n",
    "def f(): return 'def'\n",
    "f()",
    "print('printed')",
    "(yield)",
    "1\n2",
    "",
]
ns = {}
for s in src:
    try:
        code = compile(s, "<stdin>", "single")
        exec(code, ns)
    except SyntaxError as e:
        print("SyntaxError", e.msg)
print(sorted(k for k in ns if not k.startswith("__")))
