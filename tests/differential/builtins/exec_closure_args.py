# exec() of a code object with free variables, with closure=.
from types import CellType

def make():
    a = 2
    b = 3
    def three():
        nonlocal a, b
        print("a*b =", a * b)
    return three

f = make()
exec(f.__code__, globals(), closure=f.__closure__)
exec(f.__code__, globals(), closure=(CellType(5), CellType(7)))

def nofree():
    return 15

for code, closure in [
    (nofree.__code__, f.__closure__),
    (f.__code__, None),
    (f.__code__, (CellType(1),)),
    (f.__code__, [CellType(1), CellType(2)]),
    (f.__code__, (int, CellType(2))),
    ("x = 1", f.__closure__),
]:
    try:
        exec(code, globals(), closure=closure)
    except TypeError as e:
        print("TypeError:", e)
