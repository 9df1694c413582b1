# dict: changes during iteration and update are detected; setdefault and a
# resizing insert hash and compare once; views compare without hashing.
d = {0: 0}
try:
    for k in d:
        del d[0]
        d[0] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
for view in ["items", "values"]:
    d = {0: 0}
    try:
        for x in getattr(d, view)():
            del d[0]
            d[0] = 0
    except RuntimeError as e:
        print(view, type(e).__name__, e)
d = {1: 1, 2: 2}
it = iter(d)
next(it)
d[3] = 3
for f in [lambda: next(it), lambda: next(it), lambda: it.__length_hint__()]:
    try:
        print(f())
    except RuntimeError as e:
        print(type(e).__name__, e)
it = iter({1: 1, 2: 2, 3: 3})
print(it.__length_hint__(), next(it), it.__length_hint__())

class X:
    def __hash__(self): return 0
    def __eq__(self, o):
        other.clear()
        return False
other = dict((i, 0) for i in range(1, 100))
other[X()] = 0
d = {X(): 0, 1: 1}
try:
    d.update(other)
except RuntimeError as e:
    print(type(e).__name__, e)

class Hashed:
    def __init__(self):
        self.hash_count = 0
        self.eq_count = 0
    def __hash__(self):
        self.hash_count += 1
        return 42
    def __eq__(self, other):
        self.eq_count += 1
        return id(self) == id(other)
h1 = Hashed(); y = {h1: 5}; h2 = Hashed()
y.setdefault(h2, [])
print(h1.hash_count, h2.hash_count, h1.eq_count + h2.eq_count)
h1 = Hashed(); y = {h1: 5, 0: 0, 1: 1, 2: 2, 3: 3}; h2 = Hashed()
y[h2] = []
print(h1.hash_count, h2.hash_count, h1.eq_count + h2.eq_count)
h1 = Hashed(); a = {h1: 1}; b = {h1: 1}
print(a == b, h1.hash_count, dict(a) == a, h1.hash_count)

class C:
    def __eq__(self, other): raise RuntimeError("eq")
d1, d2, d3 = {1: C()}, {1: C()}, {1: C(), 2: C()}
for f in [lambda: d1.items() == d2.items(), lambda: d1.items() != d2.items(), lambda: d1.items() <= d2.items(),
          lambda: d2.items() < d3.items(), lambda: d3.items() > d2.items()]:
    try:
        print(f())
    except RuntimeError as e:
        print(type(e).__name__, e)
print({1: []}.items() == {1: []}.items(), {1: [1]}.items() < {1: [1], 2: []}.items(), {1: 2}.keys() == {1}, {1: 2}.items() >= {(1, 2)})
print({1: [1]}.items() == {1: [2]}.items(), {}.items() <= {1: []}.items(), {1: 1}.keys() > set())

for cls, arg in [(float, 2.5), (tuple, [1, 2]), (list, [1, 2])]:
    class Plain(cls): pass
    try:
        Plain(arg, newarg=3)
    except TypeError as e:
        print(cls.__name__, type(e).__name__, e)
    class WithInit(cls):
        def __init__(self, arg, newarg=None):
            if cls is list: super().__init__(arg)
            self.newarg = newarg
    class WithNew(cls):
        def __new__(c, arg, newarg=None):
            self = super().__new__(c, arg)
            self.newarg = newarg
            return self
    print(cls(WithInit(arg, newarg=3)), WithInit(arg, newarg=3).newarg, WithNew(arg, newarg=4).newarg)
