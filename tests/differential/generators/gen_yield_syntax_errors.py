# SyntaxError messages for yield expressions used as assignment targets,
# also after a compound statement's header on the same line.
sources = [
    "def f(): (yield bar) = y",
    "def f(): (yield bar) += y",
    "def f():\n    (yield bar) = y",
    "def f():\n    (yield bar) += y",
    "def f(): x = yield = y",
    "if True: (yield) = 1",
    "while x: f() = 1",
    "def f(): x, (yield) = 1, 2",
    "class C: (yield) = 1",
    "def f(): yield = 1",
    "for x in y: (a, b) += 1",
]
for src in sources:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print(repr(src), "->", e.msg, e.lineno, e.offset)
    else:
        print(repr(src), "compiled")
