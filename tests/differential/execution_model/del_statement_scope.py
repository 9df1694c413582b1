# del interactions with scopes and deleted names in closures
def f():
    a = 1
    def g():
        return a
    del a
    try:
        return g()
    except NameError as e:
        return type(e).__name__ + ": " + str(e)
print(f())
x = 5
del x
try:
    x
except NameError as e:
    print("NameError", e)
def h():
    global gv
    gv = 1
    del gv
    try:
        gv
    except NameError as e:
        print("NameError", e)
h()
L = [1, 2, 3]
del L[0], L[-1]
print(L)
class C:
    attr = 1
    del attr
print(hasattr(C, "attr"))
o = C()
o.v = 1
del o.v
print(hasattr(o, "v"))
for i in range(3):
    pass
del i
try:
    i
except NameError as e:
    print("NameError", e)
try:
    exec("del f()")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    exec("del 1")
except SyntaxError as e:
    print("SyntaxError", e.msg)
a, b = 1, 2
del (a, b)
print("a" in globals(), "b" in globals())
[c, d] = 3, 4
del [c, d]
print("c" in globals())
