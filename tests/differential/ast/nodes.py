# The _ast node classes: fields, attributes, constructors, docs, copy/pickle.
import ast
import _ast
import copy
import pickle

names = sorted(n for n in dir(_ast) if not n.startswith('__'))
print(len(names))
for n in names:
    c = getattr(_ast, n)
    if isinstance(c, type):
        print(n, c.__mro__[1].__name__, c._fields, getattr(c, '_attributes', None), c.__match_args__)
        own = {k: v for k, v in c.__dict__.items() if k not in ('__weakref__', '__dict__', '__init__', '__new__', '__reduce__', '__getattribute__', '__setattr__', '__delattr__')}
        print('  ', sorted(own), c.__module__)
        print('  ', repr(c.__doc__))
    else:
        print(n, c)

print(ast.dump(ast.Name('x', ast.Load())))
for args, kw in [(('x',), {'id': 'y'}), ((1, 2, 3), {}), ((1,), {}), ((), {'foo': 1})]:
    try:
        print(ast.dump(ast.Name(*args, **kw)))
    except TypeError as e:
        print('TypeError', e)
try:
    ast.Load(1)
except TypeError as e:
    print('TypeError', e)
try:
    ast.AST(1)
except TypeError as e:
    print('TypeError', e)

n = ast.Name('x')
print(n.__reduce__()[1:], ast.Name().__reduce__()[1:], ast.Load().__reduce__()[1:])
print(hasattr(n, 'ctx'), n.id, ast.Name().__dict__)
try:
    ast.Name().id
except AttributeError as e:
    print('AttributeError', e)
print(ast.Constant(1).kind, ast.FunctionDef().returns, ast.expr().end_lineno, ast.arg().annotation, ast.keyword().arg)
try:
    ast.expr().lineno
except AttributeError as e:
    print('AttributeError', e)

b = ast.BinOp(ast.Constant(1), ast.Add(), ast.Name('y', ast.Load()), lineno=3, col_offset=4)
print(ast.dump(copy.deepcopy(b), include_attributes=True))
print(ast.dump(copy.copy(b)), copy.copy(b).left is b.left)
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print(proto, ast.dump(pickle.loads(pickle.dumps(b, proto)), include_attributes=True))

match b:
    case ast.BinOp(ast.Constant(v), ast.Add(), right):
        print('matched', v, right.id)

class MyNode(ast.Name):
    _fields = ('id', 'ctx', 'extra')

m = MyNode('a', ast.Load(), 5)
print(m.extra, isinstance(m, ast.expr), ast.dump(m))

x = ast.Name()
x.foo = 1
print(x.__dict__, vars(x))
del x.foo
print(x.__dict__)

# The deprecated classes ast.py defines on top of _ast.
print(type(ast.Num(3)).__name__, isinstance(ast.Constant(3), ast.Num), isinstance(ast.Constant('s'), ast.Num))
print(ast.dump(ast.Str('s')), ast.Constant(5).n, ast.Constant('t').s)
print(ast.PyCF_ONLY_AST, ast.PyCF_TYPE_COMMENTS, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(issubclass(ast.Load, ast.expr_context), issubclass(ast.arguments, ast.AST), ast.AST.__module__, ast.AST.__name__)
