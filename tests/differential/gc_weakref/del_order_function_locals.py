# locals are released when a function returns; order of releases for several locals
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def f():
    a = T("first-local")
    b = T("second-local")
    c = T("third-local")
    print("returning")
    return "done"
print(f())
def g():
    keep = T("returned-local")
    drop = T("dropped-local")
    return keep
kept = g()
print("got", kept.name)
del kept
def h(arg):
    print("in h with", arg.name)
h(T("argument-temp"))
print("end")
