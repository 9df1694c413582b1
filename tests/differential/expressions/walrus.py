# assignment expressions
if (n := 10) > 5:
    print("n is", n)
data = [1, 2, 3, 4]
if (count := len(data)) > 3:
    print("count", count)
values = []
it = iter(range(5))
while (v := next(it, None)) is not None:
    values.append(v)
print(values)
print([y := 5, y ** 2])
print([(sq := i * i) for i in range(4)], sq)
print(any((found := x) > 2 for x in [1, 3, 5]), found)
def f():
    return [(inner := c) for c in "abc"], inner
print(f())
print((z := 1) + (z := z + 1) + z)
def c(src):
    try:
        compile(src, "<s>", "exec")
        print("ok", repr(src))
    except SyntaxError as e:
        print("SyntaxError", repr(src), e.msg)
c("x := 1")
c("(x := 1)")
c("(a.b := 1)")
c("(a[0] := 1)")
c("((a, b) := (1, 2))")
c("def f(x := 1): pass")
c("def f(x = (y := 1)): pass")
c("f(x := 1)")
c("f(a=x := 1)")
c("[i for i in range(3) if (j := i)]")
c("class C:\n    [(k := 1) for _ in range(1)]")
c("lambda: (x := 1)")
c("(True := 1)")
c("x = y := 1")
c("{x := 1}")
c("{x := 1: 2}")
c("a[x := 1]")
c("(lambda: x := 1)")
def nested():
    total = 0
    def add(v):
        nonlocal total
        return (total := total + v)
    add(1)
    add(2)
    return total
print(nested())
