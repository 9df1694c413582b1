# Imported modules get the builtins dict as __builtins__ (only __main__ has
# the module); cells compare by contents; static methods of builtin types
# have the type in their qualname and repr but no __self__.
import sys, os, tempfile
d = tempfile.mkdtemp()
with open(os.path.join(d, 'mod_bd.py'), 'w') as f:
    f.write("def b(): pass\nkind = type(__builtins__).__name__\nsame = b.__builtins__ is __builtins__\n")
sys.path.insert(0, d)
import mod_bd
print(type(__builtins__).__name__, mod_bd.kind, mod_bd.same)
ns = {}
exec("x = 1", ns)
print(type(ns['__builtins__']).__name__)
def mk(v):
    def g(): return v
    return g.__closure__[0]
def empty():
    if False:
        v = 1
    def g(): return v
    return g.__closure__[0]
a, b, e = mk(1), mk(2), empty()
print(a < b, a == mk(1), a != b, e < a, e == empty(), a > e)
try:
    hash(a)
except TypeError as x:
    print(x)
print(str.maketrans.__qualname__, bytes.maketrans.__qualname__, str.maketrans.__self__)
print(repr(str.maketrans).split(' at ')[0], str.maketrans('ab', 'cd'))
# Globals without __builtins__ inherit the running frame's builtins.
code = "def func3(s): pass\nfunc4 = type(func3)(func3.__code__, {})\n"
safe = {'None': None}
ns = {'type': type, '__builtins__': safe}
exec(code, ns)
print(ns['func3'].__builtins__ is safe, ns['func4'].__builtins__ is safe, '__builtins__' in ns['func4'].__globals__)
