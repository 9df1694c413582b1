# rich comparisons: reflection, NotImplemented, identity shortcut in containers
class C:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print("C.__eq__", self.v)
        return NotImplemented
    def __lt__(self, o):
        print("C.__lt__", self.v)
        return NotImplemented
class D:
    def __init__(self, v):
        self.v = v
    def __gt__(self, o):
        print("D.__gt__", self.v)
        return True
    def __eq__(self, o):
        print("D.__eq__", self.v)
        return "truthy"
print(C(1) < D(2))
print(C(1) == D(2))
print(C(1) != D(2))
print(D(1) == C(2))
c = C(3)
print(c == c)
print(c != C(4))
try:
    C(1) <= C(2)
except TypeError as e:
    print("TypeError", e)
class Never:
    def __eq__(self, o):
        return False
n = Never()
print(n == n, n in [n], [n] == [n], (n,) == (n,), {n: 1}.get(n) if n.__hash__ else "unhashable")
class Always:
    def __eq__(self, o):
        return True
    __hash__ = object.__hash__
print([1, 2].count(Always()), [Always()].index(5), Always() in [1])
class Ordered:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __le__(self, o):
        return self.v <= o.v
print(Ordered(1) > Ordered(0), Ordered(1) >= Ordered(1))
class BadBool:
    def __bool__(self):
        raise ValueError("no bool")
class RetBad:
    def __eq__(self, o):
        return BadBool()
try:
    if RetBad() == 1:
        pass
except ValueError as e:
    print("ValueError", e)
try:
    [RetBad()] == [1]
except ValueError as e:
    print("ValueError", e)
print(1 < 2 > 1 == 1 != 0)
