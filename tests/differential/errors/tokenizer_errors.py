# Tokenizer errors (numbers, invalid characters), keyword-argument targets and
# blocks missing at the end of input, with CPython's positions
cases = [
    '€ = 1',
    '·a = 1',
    '٠a = 1',
    'a€ = 1',
    'x = 1 €',
    'a$ = 1',
    'x = a ? b',
    'f(None=1)',
    'f(True=1)',
    'f(x.y=1)',
    'f(a+b=1)',
    'f(__debug__=1)',
    'x = 1_000_',
    'x = 0b102',
    'x = 0o8',
    'x = 0x',
    'x = 1__0',
    'x = 5j_',
    'x = 1e',
    'x = 0b',
    'x = 12abc',
    'x = 1.e5x',
    'x = 0_',
    'x = 09',
    'x = 1 if x else 2L',
    'x = 1.2.3',
    'for x in y: \n',
    'for x in y:',
    'for x in y:\n',
    'if x:\n# c\n',
    'try:\n    pass\nx = 1',
    'try:\n    pass\n\nx = 1',
    'try:\n    pass\n',
    'while 1:\nx',
    'with a:\n  # c\nx',
]
for src in cases:
    try:
        compile(src, "<s>", "exec")
        print("OK", repr(src))
    except SyntaxError as e:
        print(repr(src), "|", type(e).__name__, "|", e.msg, "|", e.lineno, e.offset, e.end_lineno, e.end_offset)
