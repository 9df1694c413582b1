# vars() and dir(): objects, classes, custom __dir__, errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class A:
    cls_attr = 1
    def __init__(self):
        self.b = 2
        self.a = 1
    def method(self):
        pass
a = A()
t(lambda: vars(a))
t(lambda: sorted(k for k in vars(A) if not k.startswith("__")))
t(lambda: vars(5))
t(lambda: vars([]))
t(lambda: vars(a, a))
t(lambda: [n for n in dir(a) if not n.startswith("__")])
t(lambda: [n for n in dir(A) if not n.startswith("__")])
t(lambda: "__init__" in dir(a))
t(lambda: dir(a) == sorted(dir(a)))
class Custom:
    def __dir__(self):
        return ["z", "b", "a"]
t(lambda: dir(Custom()))
class BadDir:
    def __dir__(self):
        return 5
t(lambda: dir(BadDir()))
class TupleDir:
    def __dir__(self):
        return ("y", "x")
t(lambda: dir(TupleDir()))
def f():
    local1 = 1
    local2 = 2
    return dir()
t(f)
t(lambda: [n for n in dir(1) if not n.startswith("_")])
t(lambda: [n for n in dir("") if not n.startswith("_")][:10])
t(lambda: [n for n in dir([]) if not n.startswith("_")])
t(lambda: [n for n in dir({}) if not n.startswith("_")])
class Slotted:
    __slots__ = ("s",)
t(lambda: vars(Slotted()))
t(lambda: "s" in dir(Slotted()))
t(lambda: dir(1, 2))
