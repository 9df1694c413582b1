# binary operator dispatch: __op__, __rop__, subclass priority
class N:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "N(%r)" % self.v
ops = ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and", "or", "xor", "matmul", "divmod"]
for op in ops:
    def fwd(self, o, op=op):
        return "%s.%s(%r)" % (self, op, o)
    def rev(self, o, op=op):
        return "%s.r%s(%r)" % (self, op, o)
    setattr(N, "__%s__" % op, fwd)
    setattr(N, "__r%s__" % op, rev)
a = N(1)
print(a + 1, 1 + a)
print(a - 1, 1 - a)
print(a * 1, 1 * a)
print(a / 1, 1 / a)
print(a // 1, 1 // a)
print(a % 1, 1 % a)
print(a ** 1, 1 ** a)
print(a << 1, 1 << a)
print(a >> 1, 1 >> a)
print(a & 1, 1 & a)
print(a | 1, 1 | a)
print(a ^ 1, 1 ^ a)
print(a @ 1, 1 @ a)
print(divmod(a, 1), divmod(1, a))
print(pow(a, 2), pow(2, a))
class Base:
    def __add__(self, o):
        return "Base.add"
    def __radd__(self, o):
        return "Base.radd"
class Sub(Base):
    def __radd__(self, o):
        return "Sub.radd"
class SubNoOverride(Base):
    pass
print(Base() + Sub())
print(Base() + SubNoOverride())
print(Sub() + Base())
class Plain:
    pass
for expr in ["Plain() + 1", "1 - Plain()", "Plain() * Plain()", "Plain() @ 1", "Plain() ** 2", "divmod(Plain(), 1)", "~Plain()", "-Plain()"]:
    try:
        eval(expr)
    except TypeError as e:
        print("TypeError", e)
