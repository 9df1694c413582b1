# ast.parse over a broad corpus, dumped with positions.
import ast

CORPUS = [
    "x = 1",
    "a, b = c, d = 1, 2",
    "x: int = 5\ny: 'str'\n(z): int = 1\na.b: int\n",
    "x += 1; y -= 2; z @= w; q **= 2; r //= 3; s >>= 1; t <<= 1; u |= 1; v ^= 1; w &= 1; p %= 2; m *= 2; d /= 2",
    "del a, b[1], c.d",
    "def f(a, b=1, *args, c, d=2, **kw): pass",
    "def g(a, /, b, *, c): return a",
    "def h(a: int = 1, *b: str, **c: float) -> None:\n    '''doc'''\n    return",
    "@dec\n@dec2(1)\ndef f():\n    pass",
    "@dec\nclass C(B, metaclass=M):\n    x = 1\n    def m(self): ...",
    "class D: pass",
    "async def f():\n    await x\n    async for a in b: pass\n    async with c as d, e: pass",
    "@d\nasync  def  g(): yield",
    "for i in range(10):\n    continue\nelse:\n    break",
    "while x:\n    pass\nelse:\n    y = 2",
    "if a:\n    pass\nelif b:\n    x\nelif c:\n    y\nelse:\n    z",
    "if a: b\nelse: c",
    "with opener(f) as g, h: pass",
    "with (a as b, c as d): pass",
    "try:\n    pass\nexcept E as e:\n    raise X from e\nexcept (A, B):\n    raise\nexcept:\n    pass\nelse:\n    x\nfinally:\n    y",
    "try:\n    pass\nexcept* ValueError:\n    pass",
    "assert x, 'msg'",
    "import a.b.c as d, e",
    "from . import x\nfrom ..m import (y as z, w)\nfrom m import *",
    "global g\nnonlocal n",
    "lambda: 0",
    "lambda x, *y, z=1, **w: x + y",
    "a and b or not c and d",
    "(x := 10)",
    "a + b - c * d / e // f % g ** h @ i << j >> k | l ^ m & n",
    "-x + +y + ~z",
    "a if b else c",
    "{1: 2, **d, 3: 4}",
    "{1, 2, *s}",
    "[x for x in y if x if z for w in x]",
    "{x for x in y}",
    "{k: v for k, v in items}",
    "(x for x in y)",
    "f(x for x in y)",
    "async def f():\n    return [x async for x in y]",
    "def g():\n    yield\n    yield x\n    yield from y\n    z = yield",
    "a < b <= c == d != e > f >= g is h is not i in j not in k",
    "f(a, *b, c=1, **d)",
    "f()(1)[2].x",
    "x[1:2, ::3, a:]",
    "x[1:2]",
    "x[...]",
    "x[a, b]",
    "x[()]",
    "*a, b = c",
    "[a, *b] = c",
    "print(*a)",
    "1; 1.5; 1j; 10**100; 0x10; 1_000; 1e10; 2.5j",
    "'s'; b'b'; u'u'; r'r'; 'a' 'b'; b'a' b'b'; u'x' 'y'; 'x' u'y'",
    "'''multi\nline'''",
    "True; False; None; ...",
    "f'{x}'",
    "f'a{x!r:>{w}}b'",
    "f'{x=}'",
    "f'{x=!s}'",
    "f'{x=:>10}'",
    "f'{x:}'",
    "f''",
    "'a' f'{y}' 'c'",
    "f'{x} {x}'",
    "f'''\n{x}\n  {y}'''",
    "f'{ x }'",
    "f'{a}{b}' f'{c}'",
    "f'{{literal}}'",
    "f'{x:{y}.{z}}'",
    "rf'\\n{x}'",
    "f'{\"nested\"}'",
    "match x:\n    case 1:\n        pass\n    case 'a' | 'b':\n        pass\n    case [a, *rest]:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case Point(x=0, y=yy) as p if yy > 0:\n        pass\n    case Point(1, 2):\n        pass\n    case None | True | False:\n        pass\n    case -1 | 1+2j:\n        pass\n    case a.b.c:\n        pass\n    case (x, y):\n        pass\n    case _:\n        pass",
    "match (a, b):\n    case [*_]:\n        pass\n    case {}:\n        pass\n    case []:\n        pass\n    case (1 | 2) as z:\n        pass",
    "é = 'ü'\nnaïve = 'straße' + é",
    "x = 'héllo'; y = f'{é}ü{x}'",
    "if x:\n    # comment\n    y = 1  # trailing\n",
    "x = (\n    1,\n    2,\n)",
    "x = [\n  1,\n  2]\n",
    "def f(\n    a,\n    b,\n):\n    pass",
    "class A(\n    B):\n    pass",
    "x = \\\n    1",
    "a.b.c.d(e).f",
    "a[b][c]",
    "not a",
    "x = yield_ = 1",
    "raise",
    "return_ = None",
    "(a)",
    "((a, b))",
    "(a, b)",
    "a, b",
    "()",
    "[]",
    "{}",
    "f(a)(b)(c)",
    "x = -1",
    "x = 0o17 + 0b101",
    "'\\x00\\n\\t'",
    "b'\\xff'",
    "r'\\d+'",
    "'\\N{BULLET}'",
]

for src in CORPUS:
    print(repr(src))
    try:
        tree = ast.parse(src)
    except SyntaxError as e:
        print('SyntaxError', e)
        continue
    print(ast.dump(tree, include_attributes=True))

# Modes.
print(ast.dump(ast.parse('a + 1', mode='eval'), include_attributes=True))
print(ast.dump(ast.parse('x = 1', mode='single'), include_attributes=True))
print(ast.dump(ast.parse('if x:\n    pass\n', mode='single'), include_attributes=True))
print(ast.dump(ast.parse('(int, str) -> List[int]', mode='func_type'), include_attributes=True))
print(ast.dump(ast.parse('() -> None', mode='func_type'), include_attributes=True))
print(ast.dump(ast.parse('(a) -> b', mode='func_type'), include_attributes=True))
print(ast.dump(compile('x', '<s>', 'exec', ast.PyCF_ONLY_AST)))
print(ast.dump(ast.parse(b'x = "\xc3\xa9"')))

# Singletons are shared, as in CPython.
t = ast.parse('a = b + c + d')
print(t.body[0].targets[0].ctx is ast.parse('z = 1').body[0].targets[0].ctx, t.body[0].value.op is t.body[0].value.left.op)
print(ast.parse('x').body[0].value.ctx is ast.parse('y').body[0].value.ctx)

# Errors.
for bad in ['x = ', 'def f(:', '1 +* 2', 'f(**a, *b)', 'x = (1']:
    try:
        ast.parse(bad)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
try:
    ast.parse('x = 1\ny = 2', mode='single')
except SyntaxError as e:
    print(e.msg)

# Docstrings and the helpers over them.
m = ast.parse('"""Module doc."""\ndef f():\n    """  Function doc.\n\n    More.\n    """\nclass C:\n    "class doc"\n')
print(ast.get_docstring(m), repr(ast.get_docstring(m.body[1])), ast.get_docstring(m.body[2]), repr(ast.get_docstring(m.body[1], clean=False)))
src = 'def f(x):\n    return x + 1\n'
fn = ast.parse(src).body[0]
print(repr(ast.get_source_segment(src, fn.body[0])), repr(ast.get_source_segment(src, fn.body[0].value, padded=True)))
print([type(n).__name__ for n in ast.walk(ast.parse('a = f(b, c=1)'))])
