# bad escapes in str and bytes literals: CPython's decoder messages and positions
for src in ['b"\\xg0"', 'b"ab\\x4"', '"\\x4"', '"ab\\xzz"', '"\\u12"', '"abc\\U1234"', "'''x\\x1'''", 'rb"\\x"']:
    try:
        eval(src)
    except SyntaxError as e:
        print(src, e.msg)
