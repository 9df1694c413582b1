# instance creation paths: __call__ on metaclass, __new__ caching, copies
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)
    def copy(self):
        new = object.__new__(type(self))
        new.__dict__.update(self.__dict__)
        return new
p = Point(1, 2)
q = p.copy()
q.x = 10
print(p, q)
class Interned:
    _cache = {}
    def __new__(cls, key):
        if key not in cls._cache:
            print("creating", key)
            inst = super().__new__(cls)
            inst.key = key
            cls._cache[key] = inst
        return cls._cache[key]
    def __init__(self, key):
        print("init", key)
a = Interned("a")
b = Interned("a")
print(a is b)
class Counting(type):
    def __call__(cls, *args, **kw):
        cls.instances = getattr(cls, "instances", 0) + 1
        return super().__call__(*args, **kw)
class Thing(metaclass=Counting):
    pass
Thing(); Thing()
print(Thing.instances)
class WithFactory:
    def __init__(self, v):
        self.v = v
    @classmethod
    def from_string(cls, s):
        return cls(int(s))
class SubFactory(WithFactory):
    pass
x = SubFactory.from_string("42")
print(type(x).__name__, x.v)
try:
    WithFactory.from_string("x")
except ValueError as e:
    print("ValueError", e)
