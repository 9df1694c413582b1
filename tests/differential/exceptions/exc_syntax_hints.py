# SyntaxError messages and places: '=' after a display element that is no name
# (CPython's invalid_named_expression / invalid_kvpair) and strings left
# unterminated after a parse error (the tokenizer's error wins).
for s in ["ages = {'Alice'=22, 'Bob'=23}", '{a=1}', '[1=2]', '{x.y=1}', '(1=2)', 'f(1=2)', '{1: 2, 3=4}', '{a: 1, b=2}', '[a, 1=2]', "{'a'=1}",
          '[x[0]=1]', '(a, b.c=1)', '{1=2=3}', '[1=a==b]', '[-x=1]', '[a+b=1]', '{"x,y"=1}', '[f(x)=1]', '[1=]', '{1: 2, x.y=3}', '[True=1]', '[(a,b)=1]', '[not a=1]', '[a<b=1]', 'x = [1, 2=3]', 'print(a, 1=2)']:
    try:
        compile(s, 'f', 'exec')
        print(repr(s), "ok")
    except SyntaxError as e:
        print(repr(s), e.msg, e.offset, e.end_offset)

for s in [b"x = '''a\n'''quux'''\n", b"def foo():\n    '''\n\ndef baz():\n    '''quux'''\n", b"if 1:\n    def foo():\n        '''\n\n    def baz():\n        '''quux'''\n    ", b"x = 1 +\n'abc\n", b"print(1 2) 'x\n", b"(a b) rb'''x\n"]:
    try:
        compile(s, 'f', 'exec')
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset)

# Input ending inside brackets (also through a final line continuation):
# the innermost bracket still open is "never closed".
for src in ['"\\\n"(1 for c in I,\\\n\\', "(1,\\", "(1,\\\n", "[1,\n(2,\\\n", "x = (1 +\\", "x = 1 +\\", "x = 1 +\\\n",
            "f(a,\n  b\\\n\\", "{'a': [1,\\", "(1,", "[1,\n(2,", "{1: [2,"]:
    try:
        compile(src, "f", "exec")
    except SyntaxError as e:
        print(repr(src), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)

# Defaults on star parameters: the var-positional message only where
# CPython's rule for it matches.
for s in ['def f5(*args: *b = (1,)): pass', 'def f(*a=1): pass', 'def f(*a: int=1): pass', 'def f(*, a, *b=1): pass',
          'lambda *a=1: 0', 'lambda *, a, *b=1: 0', 'def f(**k=1): pass', 'def f(*a: *b): pass', 'def f(a, *b, c=(1, *d), *e=1): pass']:
    try:
        compile(s, 'f', 'exec')
        print(repr(s), 'ok')
    except SyntaxError as e:
        print(repr(s), e.msg, e.offset, e.end_offset)

# `<>` is one token: refused at its `<`, unless Barry is BDFL (then `!=` is).
import __future__
for code, flags in [("2 <> 3", 0), ("x = 1\nif x <> 2: pass", 0), ("from __future__ import barry_as_FLUFL\n2 <> 3", 0),
                    ("from __future__ import barry_as_FLUFL\n2 != 3", 0), ("2 <> 3", __future__.CO_FUTURE_BARRY_AS_BDFL),
                    ("x = '<>' if 1 != 2 else 0", __future__.CO_FUTURE_BARRY_AS_BDFL), ("x = '<>' if 1 <> 2 else 0", __future__.CO_FUTURE_BARRY_AS_BDFL),
                    ("2 < > 3", __future__.CO_FUTURE_BARRY_AS_BDFL)]:
    try:
        ns = {}
        exec(compile(code, "<FLUFL>", "exec", flags), ns)
        print(repr(code), "ok", ns.get("x"))
    except SyntaxError as e:
        print(repr(code), e.msg, e.lineno, e.offset, e.end_offset, repr(e.text))
