# SyntaxErrors from compile() are ordinary exceptions: attributes are inspectable
sources = [
    "x = (1, 2",
    "def f():\nreturn 1",
    "print 'hello'",
    "a = 1 +",
    "for x in range(3) print(x)",
    "class C\n    pass",
    "return",
    "x = [1, 2, 3}",
    "f(**a, *b)",
    "if x = 3:\n    pass",
    "while True\n    pass",
    "lambda x: yield",
    "a, b += 1",
    "del f()",
    "import",
    "else:\n    pass",
    "x = 1 if y",
    "'abc' = 1",
    "def f(x, x): pass",
    "nonlocal x",
]
for src in sources:
    try:
        compile(src, "<test>", "exec")
        print("compiled?!", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.lineno)
