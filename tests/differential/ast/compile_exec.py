# compile() and exec/eval of node trees: built by hand, parsed and changed;
# line numbers come from the nodes.
import ast
import sys
import traceback


def run(tree, mode='exec', ns=None):
    code = compile(tree, '<tree>', mode)
    ns = {} if ns is None else ns
    if mode == 'eval':
        return eval(code, ns)
    exec(code, ns)
    return ns


# Parsed, then changed.
tree = ast.parse('x = 1 + 2\nprint("x is", x)\n')
tree.body[0].value.right = ast.Constant(40, lineno=1, col_offset=8, end_lineno=1, end_col_offset=9)
run(tree)
print(run(ast.parse('[i * i for i in range(5)]', mode='eval'), 'eval'))

# Built by hand.
body = [
    ast.FunctionDef(
        name='add',
        args=ast.arguments(posonlyargs=[], args=[ast.arg('a'), ast.arg('b')], kwonlyargs=[], kw_defaults=[], defaults=[ast.Constant(10)]),
        body=[ast.Return(ast.BinOp(ast.Name('a', ast.Load()), ast.Add(), ast.Name('b', ast.Load())))],
        decorator_list=[],
    ),
    ast.Expr(ast.Call(ast.Name('print', ast.Load()), [ast.Call(ast.Name('add', ast.Load()), [ast.Constant(1)], []), ast.Call(ast.Name('add', ast.Load()), [ast.Constant(1), ast.Constant(2)], [])], [ast.keyword('sep', ast.Constant(' / '))])),
]
mod = ast.fix_missing_locations(ast.Module(body=body, type_ignores=[]))
ns = run(mod)
print(ns['add'].__name__, ns['add'].__defaults__)

# Constants a literal cannot spell.
for value in [-1, -2.5, (1, 2, (3,)), frozenset({4}), 10 ** 30, -10 ** 30, 1 + 2j, -0.0, '\ud800', b'\x00', ..., None, True]:
    e = ast.fix_missing_locations(ast.Expression(ast.Constant(value)))
    print(repr(eval(compile(e, '<c>', 'eval'))))
e = ast.fix_missing_locations(ast.Expression(ast.Compare(ast.Constant(2), [ast.In()], [ast.Constant(frozenset({1, 2}))])))
print(eval(compile(e, '<c>', 'eval')))

# Line numbers in tracebacks are the nodes'.
t = ast.parse('def f():\n    return 1 / 0\nf()\n')
ast.increment_lineno(t, 100)
try:
    exec(compile(t, 'virtual.py', 'exec'), {})
except ZeroDivisionError:
    tb = traceback.extract_tb(sys.exc_info()[2])
    print([(fr.name, fr.lineno) for fr in tb[1:]])
raise_node = ast.Raise(ast.Call(ast.Name('ValueError', ast.Load()), [ast.Constant('boom')], []), None, lineno=42, col_offset=4, end_lineno=42, end_col_offset=30)
m = ast.fix_missing_locations(ast.Module([ast.Pass(lineno=41, col_offset=0, end_lineno=41, end_col_offset=4), raise_node], []))
try:
    exec(compile(m, 'hand.py', 'exec'), {})
except ValueError as err:
    print(err, err.__traceback__.tb_next.tb_lineno)
code = compile(ast.parse('a = 1\n\n\nb = 2\n'), 'f', 'exec')
print(sorted({l for _, _, l in code.co_lines() if l}), code.co_firstlineno)

# Transformer round trip.
class Negate(ast.NodeTransformer):
    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Add):
            node.op = ast.Sub()
        return node


t = Negate().visit(ast.parse('result = 10 + 3 + 2'))
print(run(t)['result'])

# Interactive mode prints expression values.
exec(compile(ast.parse('1 + 1', mode='single'), '<i>', 'single'))

# Everything the parser builds compiles back to code that runs the same.
SRC = '''
import math
class Point:
    """A point."""
    def __init__(self, x, y=0, *, z=None):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x!r}, {self.y:>3}, {'z'=})"
    @property
    def norm(self):
        return math.hypot(self.x, self.y)
def gen(n):
    for i in range(n):
        if i % 2:
            continue
        yield i
    else:
        yield -1
async def co():
    return [x async for x in agen()]
async def agen():
    yield 1
def matcher(v):
    match v:
        case {'k': [1, *rest]}:
            return rest
        case Point(x=0) as p:
            return p
        case (1 | 2) as n if n > 1:
            return n
        case str() | bytes():
            return 'text'
        case _:
            return None
total = 0
while total < 10:
    total += 3
try:
    {}['missing']
except KeyError as e:
    caught = e.args
finally:
    done = True
class Ctx:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return False
    def read(self):
        return 'data'
with Ctx() as fh:
    data = fh.read()
lam = lambda *a, **k: (a, k)
sq = {k: v ** 2 for k, v in zip('ab', (1, 2))}
st = {c for c in 'hello'}
nested = [[j for j in range(i)] for i in range(3)]
print(Point(1, 2), Point(3, 4).norm, list(gen(5)), matcher({'k': [1, 2, 3]}), matcher(Point(0)), matcher(2), matcher('s'), matcher(9))
print(total, caught, done, data, lam(1, b=2), sq, sorted(st), nested, (n := 5), n)
c = co()
try:
    c.send(None)
except StopIteration as s:
    print(s.value)
def outer():
    v = 1
    def inner():
        nonlocal v
        v += 1
        return v
    return inner
print(outer()(), Point.__doc__, gen.__name__, matcher.__code__.co_firstlineno)
global_var = 1
def use_global():
    global global_var
    global_var = 2
use_global()
print(global_var)
assert True, 'never'
del global_var
print('global_var' in dir())
'''
exec(compile(ast.parse(SRC), '<src>', 'exec'), {'__name__': 'demo'})
t = ast.parse(SRC)
exec(compile(t, '<src2>', 'exec'), {'__name__': 'demo2'})
