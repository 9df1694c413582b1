# closures created in comprehensions and generator expressions
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
gs = [(lambda j: lambda: j)(i) for i in range(3)]
print([g() for g in gs])
def outer():
    base = 100
    return [lambda v=v: base + v for v in range(3)]
print([f() for f in outer()])
def gen_closure():
    n = 10
    g = (n * k for k in range(3))
    n = 20
    return list(g)
print(gen_closure())
def gen_first_iter():
    data = [1, 2]
    g = (x for x in data)
    data = [9, 9]
    return list(g)
print(gen_first_iter())
def dict_comp_closure():
    keys = "abc"
    return {k: (lambda k=k: k.upper()) for k in keys}
d = dict_comp_closure()
print(sorted((k, f()) for k, f in d.items()))
def nested_comp():
    m = 3
    return [[(lambda: r * m + c)() for c in range(m)] for r in range(2)]
print(nested_comp())
