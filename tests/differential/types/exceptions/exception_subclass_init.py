# exception subclasses overriding __init__/__new__ and how args are set
class A(Exception):
    def __init__(self, x, y):
        self.x, self.y = x, y
print(A(1, 2).args, str(A(1, 2)), repr(A(1, 2)))
class B(Exception):
    def __init__(self, x, y):
        super().__init__(x + y)
print(B(1, 2).args, str(B(1, 2)))
class C(Exception):
    def __init__(self, *args, code=0):
        super().__init__(*args)
        self.code = code
c = C("msg", code=5)
print(c.args, c.code, str(c))
try:
    raise C("raised", code=9)
except C as err:
    print(err, err.code)
class D(ValueError):
    def __new__(cls, *args):
        inst = super().__new__(cls, "forced")
        return inst
print(D("given").args)
class E(KeyError):
    def __str__(self):
        return "E: " + self.args[0]
print(str(E("k")), repr(E("k")))
try:
    A(1)
except TypeError as err:
    print("TypeError", err)
class F(OSError):
    pass
f = F(2, "No such file")
print(type(f).__name__, f.errno, f.strerror, str(f))
