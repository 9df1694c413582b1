# __call__ on instances and classes, call signatures through __call__
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1):
        return (x + self.n + sum(rest)) * scale
add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10), callable(add5))
print(list(map(add5, [1, 2, 3])), sorted([3, 1, 2], key=Adder(-10)))
try:
    add5()
except TypeError as e:
    print("TypeError", e)
try:
    add5(1, bogus=2)
except TypeError as e:
    print("TypeError", e)
class Chain:
    def __init__(self):
        self.calls = []
    def __call__(self, v):
        self.calls.append(v)
        return self
c = Chain()
c(1)(2)(3)
print(c.calls)
class CallViaGetattr:
    def __getattr__(self, name):
        if name == "__call__":
            return lambda: "getattr call"
        raise AttributeError(name)
try:
    CallViaGetattr()()
except TypeError as e:
    print("TypeError", e)
class StaticCall:
    @staticmethod
    def __call__(x):
        return "static call %r" % x
print(StaticCall()(5))
class ClassCall:
    @classmethod
    def __call__(cls, x):
        return "classmethod call %s %r" % (cls.__name__, x)
print(ClassCall()(6))
