# left-to-right evaluation order of expressions
def p(tag, v=None):
    print("eval", tag)
    return tag if v is None else v
r = p("a", 1) + p("b", 2) * p("c", 3)
print(r)
d = {p("k1"): p("v1"), p("k2"): p("v2")}
print(d)
L = [p("x"), p("y")]
f = lambda *a, **k: (a, sorted(k))
print(f(p("arg1"), *[p("star")], kw=p("kw"), **{p("dk"): 1}))
obj = {"key": [0, 0]}
p("target", obj)[p("index", "key")][p("sub", 1)] = p("value", 9)
print(obj)
x = p("cond", True) and p("then") or p("else")
print(x)
print(p("L", 1) < p("M", 2) < p("N", 0) < p("never", 5))
print(p("test", 0) if p("cond2", False) else p("alt", 1))
a = b = p("chain", [])
print(a is b)
(p("t1", [0]))[0], (p("t2", [0]))[0] = p("r1", 1), p("r2", 2)
print(p("pow1", 2) ** p("pow2", 3))
print([p("e%d" % i, i) for i in range(2)])
def kwonly(*, a, b):
    return a, b
print(kwonly(b=p("b-first", 1), a=p("a-second", 2)))
s = p("s1", "x")[p("s2", 0):p("s3", 1)]
print(s)
class A:
    pass
o = A()
p("obj", o).attr = p("attr", 5)
print(o.attr)
