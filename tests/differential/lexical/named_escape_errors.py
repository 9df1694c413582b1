# \N{...} escapes: unknown names and malformed escapes, with CPython's positions
for s in ['"\\N{BOGUS NAME}"', '"\\N"', '"ab\\N{x"', '"\\N{}"', '"x\\N{LATIN SMALL LETTER A}\\N{NOPE}"', 'b"\\N{DIGIT ONE}"']:
    try:
        print(repr(eval(s)))
    except SyntaxError as e:
        print(s, e.msg)
