# late binding of closures in loops versus default-argument capture
fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
fs = []
for i in range(3):
    fs.append(lambda i=i: i)
print([f() for f in fs])
def make():
    return [lambda: j for j in range(3)]
print([f() for f in make()])
def make2():
    out = []
    for j in range(3):
        def capture(j=j):
            return j * 10
        out.append(capture)
    return out
print([f() for f in make2()])
x = "before"
f = lambda: x
x = "after"
print(f())
def default_eval_time():
    y = "def time"
    def g(v=y):
        return v
    y = "later"
    return g()
print(default_eval_time())
def mutable_default(acc=[]):
    acc.append(len(acc))
    return acc
mutable_default(); mutable_default()
print(mutable_default())
print(mutable_default.__defaults__)
