# ast.unparse round trips, ast.literal_eval, NodeVisitor/NodeTransformer.
import ast

SOURCES = [
    "x = 1",
    "def f(a, /, b=2, *c, d, e=3, **f) -> int:\n    return a + b",
    "@dec(1)\nclass C(B, metaclass=M):\n    '''doc'''\n    x: int = 1",
    "async def g():\n    async with a as b:\n        async for x in y:\n            await z",
    "for i in range(3):\n    if i % 2:\n        continue\n    elif i:\n        break\n    else:\n        pass",
    "try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    raise ValueError('x') from e\nfinally:\n    pass",
    "with opener('f') as fh, opener('g') as gh:\n    data = fh.read()",
    "lambda x, y=2: (x, y)",
    "x = [i * 2 for i in range(10) if i > 3]",
    "y = {k: v for k, v in d.items()}",
    "z = f'{a!r} and {b:>{w}} {c=}'",
    "match p:\n    case Point(x=0, y=0):\n        print('origin')\n    case [1, 2, *rest]:\n        pass\n    case {'a': 1, **kw}:\n        pass\n    case _:\n        pass",
    "a = b if c else d",
    "del x[1:2], y.z",
    "global q",
    "print(*args, sep='', **kw)",
    "(a := 5)",
    "x = -1 ** 2",
    "x = (1, 2) + (3,)",
    "import os.path as osp\nfrom .. import mod",
    "assert cond, 'message'",
    "x = 'é' + b'\\xff'.decode('latin-1')",
]

for src in SOURCES:
    tree = ast.parse(src)
    text = ast.unparse(tree)
    print(text)
    again = ast.unparse(ast.parse(text))
    print(again == text, ast.dump(ast.parse(text)) == ast.dump(tree))

for lit in ["1", "-2.5", "'s'", "b'b'", "[1, (2, 3), {4: 5}]", "{1, 2}", "set()", "1+2j", "None", "True", "(1,)", "{'a': [1, -2]}", "  3 ", "\t[1]"]:
    print(repr(lit), repr(ast.literal_eval(lit)))
for bad in ["x", "1 + x", "f()", "[1, y]", "{**a}", "1 +"]:
    try:
        ast.literal_eval(bad)
    except (ValueError, SyntaxError) as e:
        print(type(e).__name__, str(e).split(' at 0x')[0])

print(ast.literal_eval(ast.parse('[1, 2]', mode='eval')))


class Names(ast.NodeVisitor):
    def __init__(self):
        self.names = []

    def visit_Name(self, node):
        self.names.append((node.id, type(node.ctx).__name__, node.lineno, node.col_offset))


v = Names()
v.visit(ast.parse("a = b + c\nfor d in e: f(d)"))
print(v.names)


class Double(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node


t = Double().visit(ast.parse("x = 1 + 2 * y"))
print(ast.unparse(t), ast.dump(t.body[0].value.left, include_attributes=True))

t = ast.parse("x = 1\ny = 2")
ast.increment_lineno(t, 10)
print([(n.lineno, n.end_lineno) for n in t.body], t.body[0].targets[0].lineno)
new = ast.Module(body=[ast.Expr(value=ast.Call(func=ast.Name('print', ast.Load()), args=[ast.Constant('hi')], keywords=[]))], type_ignores=[])
ast.fix_missing_locations(new)
print(ast.dump(new, include_attributes=True))
print(ast.dump(ast.parse('x = 1'), indent=2))
print(list(ast.iter_fields(ast.parse('x = 1').body[0])) != [], [type(c).__name__ for c in ast.iter_child_nodes(ast.parse('f(a, b)').body[0].value)])
