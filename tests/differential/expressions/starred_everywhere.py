# starred expressions in calls, displays, assignments, for targets, return, subscripts
a = [1, 2]
b = (3,)
def f(*args, **kw):
    return args, kw
print(f(*a, *b, 0, *range(2)))
print([*a, *b], (*a, *b), {*a, *b}, {**{"k": 1}, **dict(j=2)})
first, *middle, last = *a, *b, 9
print(first, middle, last)
for x, *rest in [(1, 2, 3), (4,)]:
    print(x, rest)
def ret():
    return *a, *b
print(ret())
def yld():
    yield *a, 0
print(list(yld()))
print(*"abc", sep="-")
d = {}
d[1, *a] = "tuple key"
print(d)
print([*()], [*{}], [*""])
try:
    exec("print(*)")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    exec("x = *a")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    exec("del *a, b")
except SyntaxError as e:
    print("SyntaxError", e.msg)
