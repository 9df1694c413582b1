# frames holding references: exceptions, tracebacks and suspended generators
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def raiser():
    local = T("frame-local")
    raise ValueError("x")
try:
    raiser()
except ValueError:
    print("in handler (traceback keeps frame alive)")
print("after handler (exception variable cleared)")
def gen():
    obj = T("gen-local")
    yield 1
    yield 2
g = gen()
next(g)
print("generator suspended")
del g
print("generator deleted")
def closure_holder():
    captured = T("captured")
    def inner():
        return captured.name
    return inner
f = closure_holder()
print(f())
del f
print("closure deleted")
class WithMethod(T):
    def method(self):
        return self.name
m = WithMethod("method-owner").method
print("bound method alive:", m())
del m
print("end")
