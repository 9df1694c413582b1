# assignment targets: attributes, subscriptions, slices, nested, starred
def t(f):
    try:
        f()
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)

class O:
    pass
o = O()
L = [0, 0, 0, 0, 0]
d = {}
o.a, L[0], d["k"], (x, [y, *z]) = 1, 2, 3, (4, [5, 6, 7])
print(o.a, L, d, x, y, z)
L[1:3] = "ab"
print(L)
a, (b, c), *rest = "x", "yz", 1, 2
print(a, b, c, rest)
i = 0
L2 = [10, 20, 30]
i, L2[i] = 1, "changed"
print(i, L2)
def too_many():
    a, b = [1, 2, 3]
t(too_many)
def too_few():
    a, b, c = [1, 2]
t(too_few)
def star_too_few():
    a, b, *c = [1]
t(star_too_few)
def not_iter():
    a, b = 5
t(not_iter)
def nested_bad():
    (a, b), c = [1, 2]
t(nested_bad)
def c(src):
    try:
        compile(src, "<s>", "exec")
        print("ok", repr(src))
    except SyntaxError as e:
        print("SyntaxError", repr(src), e.msg)
c("*a = [1]")
c("*a, = [1]")
c("a, *b, *c = 1, 2")
c("f() = 1")
c("a + 1 = 2")
c("(a, b) += 1")
c("[a] += [1]")
c("a.b += 1")
c("None = 1")
c("'s' = 1")
c("(yield) = 1")
c("a if b else c = 1")
c("[*a, *b] = 1, 2")
c("(a, *b, c) = range(5)")
c("del *a")
c("lambda: 1 = 2")
c("... = 1")
for k, (v1, v2) in {"a": (1, 2)}.items():
    print(k, v1, v2)
