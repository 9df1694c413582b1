# keyword arguments: **kwargs ordering, unicode keys, duplicated keys
def show(**kw):
    return list(kw.items())
print(show(b=1, a=2, c=3))
print(show(**{"z": 1, "y": 2}, x=3))
print(show(ñ=1, λ=2))
print(show(**{"not an identifier": 1, "1": 2}))
try:
    show(**{1: 2})
except TypeError as e:
    print("TypeError", e)
try:
    show(a=1, **{"a": 2})
except TypeError as e:
    print("TypeError", e)
try:
    show(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError", e)
try:
    exec("show(a=1, a=2)")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    exec("show(**{}, 1)")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    exec("show(a=1, 2)")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    exec("show(1=2)")
except SyntaxError as e:
    print("SyntaxError", e.msg)
def f(a, b):
    return a, b
print(f(b=1, a=2), f(*[1], b=2))
try:
    f(1, a=2)
except TypeError as e:
    print("TypeError", e)
kw = {"a": 1, "b": 2}
print(f(**kw))
kw_mutated = dict(kw)
def g(**k):
    k["new"] = 1
    return k
print(g(**kw_mutated), kw_mutated)
def h(*args, sep="-"):
    return sep.join(args)
print(h("a", "b"), h("a", "b", sep="+"))
