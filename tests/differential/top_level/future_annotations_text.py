# Under `from __future__ import annotations` annotations are kept as the
# text CPython's unparser gives: prefixes, f-string debug fields; and the
# compiler still refuses yield/await/walrus in them and `x.__debug__: T`.
src_head = "from __future__ import annotations\n"

cases = [
    "x: u'some_string'",
    "x: 'plain'",
    "x: f'{y=}'",
    "x: f'{y=!s}'",
    "x: f'{y = :>10}'",
    "x: f'{y!r} {{z}}'",
    "x: list[int] | None",
    "x: lambda: (yield)",
    "x: [i for i in range(3)]",
    "x: (a, *b)",
    "x: 1 if c else -2 ** 3",
]
for c in cases:
    ns = {}
    exec(src_head + c, ns)
    print(repr(ns['__annotations__']['x']))

bad = [
    "test: (yield)",
    "test.test: (yield a + b)",
    "test[something]: (yield from x)",
    "def func(test: (yield from outside_of_generator)): pass",
    "def test() -> (await y): pass",
    "x: (y := 1)",
    "object.__debug__: int",
]
for c in bad:
    for head in (src_head, ""):
        try:
            compile(head + c, "<s>", "exec")
            print("compiled", repr(c), bool(head))
        except SyntaxError as e:
            print(type(e).__name__, e.msg, e.lineno, bool(head))
