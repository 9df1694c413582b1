# assignment statements: chained, augmented, annotated
a = b = c = []
a.append(1)
print(a, b, c, a is c)
x, y = y, x = 1, 2
print(x, y)
i = 0
L = [0, 0, 0]
i = L[i] = 2
print(i, L)
n = 10
n += 5; n -= 3; n *= 2; n //= 5; n **= 2; n %= 7; n <<= 3; n >>= 1; n |= 1; n &= 0b1011; n ^= 0xf
print(n)
s = "ab"
s *= 3
print(s)
count: int = 5
print(count)
declared_only: str
try:
    print(declared_only)
except NameError as e:
    print("NameError", e)
print(__annotations__)
class C:
    x: int = 1
    y: "forward"
    z: list[int]
print(C.__annotations__, C.x, hasattr(C, "y"))
def f():
    local_ann: int = 3
    unassigned: str
    return local_ann
print(f(), f.__annotations__)
o = C()
o.attr: int = 7
print(o.attr)
d = {}
d["k"]: float = 1.5
print(d)
def c(src):
    try:
        compile(src, "<s>", "exec")
        print("ok", repr(src))
    except SyntaxError as e:
        print("SyntaxError", repr(src), e.msg)
c("a, b: int = 1, 2")
c("(a): int = 1")
c("[a]: int")
c("x: int = y: int = 1")
c("x += y += 1")
c("x, y += 1")
c("f() += 1")
c("x: int += 1")
c("x: yield = 1")
