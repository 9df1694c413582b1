# comprehensions have their own scope; iteration variable doesn't leak
x = "outer"
result = [x for x in range(3)]
print(result, x)
s = {y * 2 for y in range(3)}
print(sorted(s))
try:
    y
except NameError as e:
    print("NameError", e)
d = {k: v for k, v in [("a", 1), ("b", 2)]}
print(d)
g = (z for z in range(3))
print(list(g))
first = [[i * j for j in range(3)] for i in range(3)]
print(first)
def outer():
    n = 10
    return [n + i for i in range(3)]
print(outer())
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs2 = [lambda i=i: i for i in range(3)]
print([f() for f in funcs2])
print([(w := i * 2) for i in range(3)], w)
def walrus_in_func():
    [(q := i) for i in range(4)]
    return q
print(walrus_in_func())
try:
    exec("[i := 0 for i in range(3)]")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    exec("[j for j in (j := range(3))]")
except SyntaxError as e:
    print("SyntaxError", e.msg)
gen = (a for a in undefined_iter) if False else None
try:
    (a for a in undefined_iterable)
except NameError as e:
    print("NameError (evaluated eagerly)", e)
lazy = (undefined_cond for a in range(1))
try:
    next(lazy)
except NameError as e:
    print("NameError (lazy)", e)
print([a + b for a in "xy" for b in "12" if b != "2"])
print([[a for a in range(b)] for b in range(4)])
