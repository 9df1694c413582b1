# yield as an expression in various positions
def g():
    x = yield 1
    print("x =", x)
    y = (yield 2) + 10
    print("y =", y)
    z = [(yield 3), (yield 4)]
    print("z =", z)
    print("arg:", (yield 5))
    w = yield
    print("w =", w)
    return "done"
gen = g()
print(next(gen))
print(gen.send("A"))
print(gen.send(5))
print(gen.send("first"))
print(gen.send("second"))
print(gen.send("printed"))
try:
    gen.send("W")
except StopIteration as e:
    print("returned", e.value)
def in_condition():
    if (yield "cond"):
        yield "truthy branch"
    else:
        yield "falsy branch"
c = in_condition()
next(c)
print(c.send(1))
c2 = in_condition()
next(c2)
print(c2.send(0))
def lambda_gen():
    return (lambda: (yield 1))()
print(list(lambda_gen()))
try:
    exec("[(yield) for _ in range(1)]")
except SyntaxError as e:
    print("SyntaxError", e.msg)
