# decorators: order of application, arbitrary expressions, arguments
def trace(label):
    print("creating decorator", label)
    def deco(f):
        print("applying", label, "to", f.__name__)
        def wrapper(*a, **k):
            print("call through", label)
            return f(*a, **k)
        wrapper.__name__ = f.__name__
        return wrapper
    return deco
@trace("outer")
@trace("inner")
def work(x):
    return x * 2
print(work(21))
decorators = {"d": trace("from dict")}
@decorators["d"]
def g():
    return "g"
print(g())
@(lambda f: f)
def identity():
    return "identity decorated"
print(identity())
class Holder:
    def method_deco(self, f):
        return lambda: "method-decorated " + f()
h = Holder()
@h.method_deco
def target():
    return "target"
print(target())
def returns_none(f):
    return None
@returns_none
def vanished():
    pass
print(vanished)
def count_calls(f):
    def wrapper(*a):
        wrapper.calls += 1
        return f(*a)
    wrapper.calls = 0
    return wrapper
@count_calls
def noop():
    pass
noop(); noop(); noop()
print(noop.calls)
def bad():
    @5
    def f():
        pass
try:
    bad()
except TypeError as e:
    print("TypeError", e)
class C:
    @staticmethod
    @count_calls
    def s():
        return "static counted"
print(C.s(), C.s.calls)
@trace("on class")
class Decorated:
    pass
print(Decorated.__name__ if hasattr(Decorated, "__name__") else Decorated)
