# SyntaxError/IndentationError messages and positions for common mistakes (compile() is caught)
cases = [
    "print 'hello'",
    "if x == 1\n    pass",
    "def f()\n    pass",
    "for i in range(3)\n    pass",
    "x = [1, 2, 3",
    "x = (1, 2]",
    "x = 1 +",
    "f(a b)",
    "x == 1 = y",
    "def f(x y): pass",
    "class A(:\n    pass",
    "if x:\npass",
    "def f():\n    return 1\n  return 2",
    "x = 'unterminated",
    'x = """never closed',
    "return 5",
    "yield = 3",
    "a = 1 if b",
    "import a.",
    "from x import (a, b",
    "lambda x: (yield)",
    "f(**k, *a)",
    "f(x for x in y, 1)",
    "x = {1: 2, 3}",
    "True = 1",
    "del 1",
    "a + 1 = 2",
    "for x in range(3):\nbreak",
    "try:\n    pass\nfinally",
    "with cm(x) as f\n    pass",
    "x = 0777",
    "x = 1__000",
    "x = $",
    "print(f'{x!z}')",
    "\tx = 1\n  y = 2",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print("compiled:", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset)
