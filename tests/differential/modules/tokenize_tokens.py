# _tokenize.TokenizerIter: every 7-tuple for tricky sources (operators, numbers, string prefixes, triple-quoted and
# continued strings, backslash continuations, comments, indentation with tabs and form feeds, brackets across lines,
# async/await, non-ASCII names, CR/CRLF endings, silent stops), plus the constructor's argument errors
import _tokenize
T = _tokenize.TokenizerIter
print(sorted(n for n in dir(_tokenize) if not n.startswith('__')), T.__name__, T.__qualname__, T.__module__, T.__doc__)
try:
    class X(T): pass
except TypeError as e:
    print('TypeError', e)
cases = [
    '', '\n', '#c', '  \n\n', 'x', 'x  # c', '# c\n# d\n', '\n\n\nx\n\n',
    'if x:\n    y = f"a{b}c" # hi\n\n  \nz=1',
    '1 <> 2', 'x := 1; x == 1 != 2 <= 3 >= 4 < 5 > 6; ~x ^ y | z & w; x << 2 >> 1; ...; a.b; c[1:2]\n',
    'a += 1; a -= 1; a *= 2; a /= 2; a //= 2; a %= 2; a **= 2; a >>= 1; a <<= 1; a &= 1; a |= 1; a ^= 1; a @= m\n',
    '@dec\ndef f(a, *, b=1, **kw) -> int:\n    return a ** 2 // 3 @ b\n',
    '0.5 .5 5. 5.e3 1E-3 0xABCDEFabcdef 0o777 0b101 1_0 0x_f 0o_7 0b_1 1J 3.14j 0e0 0j 0.0 00.5 09.5 09e1 09j 1_000.0_1e1_0j',
    "b'x' B'x' r'x' R'x' u'x' U'x' f'x' F'x' br'x' rb'x' Rb'x' bR'x' fr'x' rf'x' Fr'x' ur'x' bu'x'\n",
    "'''a\n\nb''' '\"' \"'\" 'a\\'b' \"\"\"x\"\"\" ''\n", "x = f'''\n{a}\n'''  # c\n", "x = 'a\\\nb'", "'\\\n'",
    's = """a\nb""" + 1\n', 'a = 1\\\n  + 2', 'x = \\\n  \\\n  1\n', 'if x:\n  \\\n  y\n', '\\\nx',
    'async def f():\n    await x\n    async with a: pass\nasyncx = awaits\n',
    "grün = 'x'\nπ = 3.14\nvar_ñ = 1\n", 'x\r\ny\rz', 'a = (1,\r\n  2)\r\n',
    ' \t async def f():\r\n', ' z = 1 \\\r\n', '\r\n', '\r', 'x\r', 'if x:\r\n  y\r\n\r\n',
    'if a:\n    if b:\n        c\n# end', 'x = (1,\n  2) # c\n', 'a = [1,\n 2,\n 3]\nb = {\n}\n',
    'x = (\n  # c\n  1)\n', 'def f(\n  a,\n  b):\n    pass\n',
    'class A:\n    def f(self):\n        pass\n\n    def g(self):\n        pass\n',
    'x = 1\n\x0cy = 2\n', 'if x:\n\ty\n\tz\n', 'if x:\n \ty\n \tz\n', '\t\tx\n', '  x = 1\n',
    'if 1:\n  pass\n    \n  # c\n  pass\n', 'if x:\n        y\n    z\n',
    # Silent stops: bad dedent, tabs/spaces, EOF in brackets or after a backslash, a stray backslash.
    'if x:\n  a\n b\n', 'if x:\n\ta\n        b\n', 'if x:\n    y\n\tz\n', '(\n1,', 'x = \\', 'x = 1 \\\n', 'a\\b c',
    # Unknown characters are OP tokens.
    'a $ b', '`', 'x!y', 'a ?b',
]
for c in cases:
    print(repr(c))
    try:
        for t in _tokenize.TokenizerIter(c):
            print('   ', t)
    except Exception as e:
        print('   ', type(e).__name__, e.args)
print(list(_tokenize.TokenizerIter(source='x')))
it = _tokenize.TokenizerIter('a b')
print(iter(it) is it, next(it), next(it), next(it))
try:
    next(it)
except StopIteration:
    print('StopIteration')
for a, k in [((1,), {}), ((), {}), (('a', 'b'), {}), (('\x00',), {}), (('\ud800',), {}), ((), {'src': 'x'}), ((b'x',), {})]:
    try:
        print(list(_tokenize.TokenizerIter(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
def gen(n):
    return ''.join(('  ' * x) + 'if True:\n' for x in range(n)) + '  ' * n + 'pass\n'
for n in (99, 100):
    toks = list(_tokenize.TokenizerIter(gen(n)))
    print(n, len(toks), toks[-1][1])
    try:
        compile(gen(n), '<string>', 'exec')
        print('compiled')
    except SyntaxError as e:
        print(type(e).__name__, e.args[0], e.args[1][1:3], e.args[1][4:])
