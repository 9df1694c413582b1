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
    "del __debug__",
    "def foo(a,**b=3):\n   pass",
    "def foo(a,*b=3):\n   pass",
    "lambda a,**b=3: None",
    "def foo(a,**b: int=3):\n  pass",
    "f((x)=2)",
    "if x.a = 3:\n   pass",
    "while x[0] = 3:\n   pass",
    "if x = 3:\n  pass",
    "{1: *12+1}",
    "{1: 23, 1: *12+1}",
    "f(**x, *)",
    "def f:",
    "async def f:",
    "def f(x, (y, z), w):\n  pass",
    "def f((x, y, z, w)):\n  pass",
    "lambda x, (y, z), w: None",
    "lambda (x, y, z, w): None",
    "def foo(a,d=,c):\n  pass",
    "def foo(a,d: int=,c):\n  pass",
    "lambda a,d=,c: None",
    "def foo(a=1,/*,b,c):\n  pass",
    "lambda a=1,/*,b,c: None",
    "try:\n  pass\nexcept A, B:\n  pass",
    "try:\n  pass\nexcept A, B, C as blech:\n  pass",
    "try:\n  pass\nexcept* A, B:\n  pass",
    "try:\n  pass\nexcept* A as a:\n  pass\nexcept*:\n  pass",
    "try:\n    something()\nexcept* A:\npass",
    "for i < (): pass",
    "for i in x in y: pass",
    "def f(*None):\n  pass",
    "def f(*):\n  pass",
    "(x, y, z=3, d, e)",
    "[x, y, z=3, d, e]",
    "[z=3]",
    "{x, y, z=3, d, e}",
    "{z=3}",
    "f(a, [b=1])",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print(repr(src), "compiled")
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)

print(eval("f'\\{6*7}'", {}), eval("f'{3>4}{3<4}'"))
# A latin_1 alias in a coding cookie.
try:
    compile(b"# coding=latin\n(aaaa\naaaa\xb5", "<case>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset)
print(eval(compile(b"# coding=latin\n'\xb5'", "<case>", "eval")))
