# lambdas capturing variables from enclosing scopes
def adder(n):
    return lambda x: x + n
print(adder(3)(4), adder(-1)(1))
multipliers = [lambda x, k=k: x * k for k in range(4)]
print([m(10) for m in multipliers])
late = [lambda x: x * k for k in range(4)]
print([m(10) for m in late])
def nested_lambda():
    a = 1
    return (lambda b: (lambda c: a + b + c))(2)(3)
print(nested_lambda())
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, abs)(-5), compose(len, str)(12345))
Y = lambda f: (lambda x: x(x))(lambda y: f(lambda *a: y(y)(*a)))
fact = Y(lambda self: lambda n: 1 if n == 0 else n * self(n - 1))
print(fact(10))
def counter():
    c = [0]
    return lambda: (c.__setitem__(0, c[0] + 1), c[0])[1]
ct = counter()
print(ct(), ct(), ct())
x = "global"
def shadow():
    x = "enclosing"
    return (lambda: x)()
print(shadow())
print((lambda: (lambda: x)())())
