# A bad escape on a last line that ends in a continuation: the tokenizer's
# EOF error comes first, as in CPython.
for src in ['"\\xhh" \\', '"\\xhh" + \\\n', '"\\xhh"\n', 'x = "\\N{nope}" \\']:
    try:
        compile(src, '<s>', 'exec', dont_inherit=True)
    except SyntaxError as e:
        print(repr(src), e.msg, e.lineno)
