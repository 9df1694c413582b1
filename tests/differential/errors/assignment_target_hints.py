# CPython's assignment hints ('here. Maybe you meant ==') only where its grammar tries them; parameter-order, pattern-target and complex-literal messages
cases = ["def f(/, a): pass", "def f(*, a, /): pass", "def f(a, *, b, /): pass", "(yield) = 1", "... = 1", "f(a=x for x in y)",
 "match x:\n case 1 as 1: pass", "match x:\n case 1+2: pass", "match x:\n case 1+2j+3: pass", "match x:\n case -1j+1: pass", "match x:\n case {**_}: pass",
 "match x:\n case C(a=1, 2): pass", "match x:\n case 1 as (a): pass", "x = 1 = 2", "1 = x = 2", "a, 1 = 2", "[a, 1] = 2", "(1) = 2", "None = 1", "x = f() = 1", "f() = 1", "x = ... = 1", "(a, 1) = 2", "a, (1) = 2", "x = (yield) = 1", "(yield) = x = 1", "lambda: 1 = 1", "a if b else c = 1", "x = a if b else c = 1", "-a = 1", "x = -a = 1", "a + b = 1", "x = {1:2} = 3", "{1:2} = 3", "[x for x in y] = 1", "x = [x for x in y] = 1", "not a = 1", "a < b = 1", "x = a < b = 1",
 "f'{x}' = 1", "x = f'{x}' = 1", "await x = 1", "'a' 'b' = 1", "True = 1", "x = True = 1", "__debug__ = 1"]
for c in cases:
    try:
        compile(c, "<s>", "exec")
        print(repr(c), "OK")
    except SyntaxError as e:
        print(repr(c), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
for c in ["match v:\n case 1 as None: pass", "x = 1 if y else None = 2", "f(a=1, b=x for x in y)", "a.b = 1 = 2", "match x:\n case 1 as (a): pass"]:
    try:
        compile(c, "<s>", "exec")
    except SyntaxError as e:
        print(repr(c), e.msg, e.offset, e.end_offset)
