# global and nonlocal statements
count = 0
def incr():
    global count
    count += 1
    return count
incr(); incr()
print(count)
def make_global():
    global created_later
    created_later = "created"
make_global()
print(created_later)
def outer():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    inc(); inc()
    return n, inc()
print(outer())
def layered():
    a = 1
    def mid():
        a = 2
        def inner():
            nonlocal a
            a = 3
        inner()
        return a
    return mid(), a
print(layered())
def c(src):
    try:
        compile(src, "<src>", "exec")
        print("ok")
    except SyntaxError as e:
        print("SyntaxError", e.msg)
c("def f():\n    nonlocal q\n")
c("nonlocal q\n")
c("def f():\n    x = 1\n    global x\n")
c("def f():\n    print(x)\n    global x\n")
c("def f(a):\n    global a\n")
c("def f(a):\n    def g():\n        nonlocal a\n    return g\n")
c("def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n")
c("class C:\n    nonlocal x\n")
c("def f():\n    global x\n    global x\n")
c("def f():\n    x = 1\n    def g():\n        nonlocal x\n        global x\n")
class K:
    global from_class
    from_class = "from class body"
print(from_class)
def gen_global():
    global g_val
    for g_val in range(3):
        pass
gen_global()
print(g_val)
