# SyntaxError messages and positions of CPython 3.11's parser hints and
# tokenizer rules: comprehension rebinding, unparenthesized comprehension
# targets, legacy print/exec, keyword arguments that are expressions, line
# continuations, control characters, tokenizer errors that win over the
# parser's, deleting a walrus, 3.11 f-string scanning (compile() caught).
cases = [
    "[i for i in range(5) if (j := 0) for j in range(5)]",
    "[i for i in range(5) if (j := 0) for j, k in [(0, 1)]]",
    "{i for i in range(5) if (j := 0) for j in range(5)}",
    "lambda: [i for i in range(5) if (j := 0) for j in range(5)]",
    "[i := 0, j := 1 for i, j in [(1, 2), (3, 4)]]",
    "[x, y for x, y in z]",
    "{x, y for x in z}",
    "[x, for x in z]",
    "(x, y for x in z)",
    "{1: 2, 3: 4 for x in y}",
    "print foo",
    "if 1: print foo",
    "if 1: print {1:foo}",
    "print {1:(foo.)}",
    "if 1:\n    exec {1:(foo.)}",
    "exec 'code'",
    "print a, b",
    "x = print 1",
    "print(end1 + end2 = ' ')",
    "print((end1 + end2) = ' ')",
    "f(a.b = 1)",
    "f(x, a[1]=2)",
    "f(True=1)",
    "a = 3 \\ 4",
    "1,\\#\n2",
    "\nfgdfgf\n1,\\#\n2\n",
    "A.\u018a\\ ",
    "A.\u03bc\\\n",
    "x = 1\\",
    "print\x17('Hello')",
    "with(0,,):\n\x01",
    "x = 1 +\n\x0b",
    "func(\n    a=[\"unclosed], # a quote in this comment: \"\n    b=2,\n)\n",
    "x = (1 2)\ny = 0xg",
    "del (a := 5)",
    "del (a, (b := 1))",
    "f'\\{6*7}'",
    "f'x{<'",
    "f'x{>'",
    "f'x{1<'",
    "f'''{\t\x0c\r\n}'''",
    "f'''{\t\x0c\r\n!a}'''",
    "f'{\n}'",
    "f'{\n1}'",
    "x = f'{1}' + f'{2\n'",
    "f'{*a}'",
    "f'{**a}'",
    "x = (**a)",
    "0xf\u20447",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)

print(eval("f'\\{6*7}'", {}), eval("f'{3>4}{3<4}'"))
