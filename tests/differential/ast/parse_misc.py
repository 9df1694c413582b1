# ast.parse details: token-based positions, compile()'s flag checks,
# type: ignore comments, feature_version, the construction depth limit.
import ast

# Positions CPython 3.11 gives that follow its tokens rather than the nodes.
for src in ["def f():\n    x = 1; pass;\n", "if a:\n    b;\nelif c:\n    d ;\n", "f'{a,}'", "f'{a, b !r}'", "x = (f'{a:02d}'\n     f'{b:>3}')"]:
    print(ast.dump(ast.parse(src), include_attributes=True))

# compile()'s argument checks around PyCF_ONLY_AST.
for args in [("x", "s", "func_type"), ("x", "s", "exec", 0, False, 3), ("x", "s", "bogus", ast.PyCF_ONLY_AST)]:
    try:
        compile(*args)
    except ValueError as e:
        print('ValueError', e)
t = ast.parse('x')
print(compile(t, '<s>', 'exec', ast.PyCF_ONLY_AST) is t)
try:
    compile('x = "\udc80"', 's', 'exec', ast.PyCF_ONLY_AST)
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e.reason)

# type: ignore comments (type_comments=True) and feature_version.
src = "a = 1\nb = 2 # type: ignore\nc = 3\nd = 4 # type: ignore@tag\ne = 5 #type:ignore[x]\nf = 6 # type : ignore\ng = 7 # type: ignored\nh = '# type: ignore'\n"
print([ast.dump(t) for t in ast.parse(src, type_comments=True).type_ignores], ast.parse(src).type_ignores)
for code, version in [('(x := 0)', 7), ('(x := 0)', 8), ('f"{x=}"', 7), ('f"{x=}"', 8), ('def f(a, /): pass', 7),
                      ('with (a as b): pass', 8), ('with (a as b): pass', 9), ('with (a) as b: pass', 8), ('with (a, b): pass', 8),
                      ('try:\n    pass\nexcept* E:\n    pass', 10), ('match x:\n    case 1: pass', 9), ('match x:\n    case 1: pass', 10)]:
    try:
        ast.parse(code, feature_version=(3, version))
        print(repr(code), version, 'ok')
    except SyntaxError:
        print(repr(code), version, 'SyntaxError')

# Nesting deeper than three times the recursion limit is refused.
ast.parse('a' + '()' * 2000)
try:
    ast.parse('a' + '()' * 3100)
except RecursionError as e:
    print('RecursionError', e)

# Identifiers are NFKC-normalised; lone surrogates in (f-)strings; CRLF,
# tabs and form feeds; format specs of implicitly concatenated f-strings.
for src in ["ﬁ = 1", "x = '\\ud800' 'a'", "f'{x}\\ud800'", "if x:\r\n    y = 1\r\n", "if x:\n\tz = 'é'\n",
            "\x0cx = 1", "print(f'{x!a}' f'{y:{z}}' 'tail')", "class A(B, *c, **d): pass"]:
    print(ascii(ast.dump(ast.parse(src), include_attributes=True)))
x = 5
print(ascii(f'{x}\ud800'), ascii(rf'\ud800{x}'), ascii(f'a\ud800b' 'c\udfff'))

# Eval input has no indentation: an indented line is "unexpected indent".
for s in [' 1', '\n -1', '\n\n  x', '# c\n x', '1 +\\\n 2', '(1,\n 2)', ' \n1', 'x\n y', '\t1']:
    try:
        ast.parse(s, mode='eval')
        print(repr(s), 'ok')
    except SyntaxError as e:
        print(repr(s), type(e).__name__, e.msg, e.lineno, e.offset)
for s in ['\n -1', '  2']:
    try:
        print(ast.literal_eval(s))
    except SyntaxError as e:
        print(type(e).__name__, e.msg)
