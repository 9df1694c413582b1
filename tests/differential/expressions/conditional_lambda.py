# conditional expressions and lambdas
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

x = 5
print("big" if x > 3 else "small", "a" if 0 else "b" if 0 else "c")
print((lambda: "no args")())
print((lambda a, b=2, *c, d, e=5, **f: (a, b, c, d, e, f))(1, d=4))
print((lambda *, k: k)(k="kw"))
print((lambda a, /, b: (a, b))(1, b=2))
add = lambda a, b: a + b
print(add(2, 3), add.__name__, add.__code__.co_argcount)
print(list(map(lambda p: p[1], [(1, "a"), (2, "b")])))
print((lambda: (yield 1))().__class__.__name__)
print((lambda x: lambda y: x + y)(1)(2))
t(lambda: (lambda a: a)())
t(lambda: (lambda a: a)(1, 2))
t(lambda: (lambda: 0)(x=1))
t(lambda: (lambda a, /: a)(a=1))
t(lambda: (lambda *, a: a)(1))
def c(src):
    try:
        compile(src, "<s>", "eval")
        print("ok")
    except SyntaxError as e:
        print("SyntaxError", e.msg)
c("lambda: x = 1")
c("lambda a, a: 0")
c("lambda a=1, b: 0")
c("lambda *: 0")
c("lambda: (yield)")
c("1 if 2")
c("1 if 2 else")
c("lambda x: return x")
c("lambda **k, a: 0")
print((lambda: 1 if True else 2)(), (lambda x: x if x else "zero")(0))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(20))
