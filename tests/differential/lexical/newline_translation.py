# "\r\n" and a lone "\r" in source read as "\n", in string literals too, for
# str and bytes sources alike (CPython's tokenizer translates them).
import ast

for src in ['x = """a\r\nb\rc"""\r\n', 'x = """\r\r\r\n"""\n', "x = 'a'\ry = '''\r'''\r\n", b'x = """a\r\nb"""\r\n',
            b'#coding:iso-8859-1\nx = """\r\r\r\n\xe9"""\n']:
    ns = {}
    exec(src, ns)
    print(repr(ns["x"]), repr(ns.get("y")))
print(repr(eval('"""a\r\nb"""')))
tree = ast.parse('x = """a\r\nb"""\r\ny = (1,\r\n  2)\r\n')
print(ast.dump(tree, include_attributes=True))
try:
    compile("x = (1,\r\n  2\r\ny = 3\r\n", "f", "exec")
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset)
