# default identity equality, __eq__ on subclasses, total ordering by hand
class P:
    def __init__(self, v):
        self.v = v
a, b = P(1), P(1)
print(a == b, a == a, a != b, [a].count(b), a in [b], a in [a])
class V(P):
    def __eq__(self, o):
        return isinstance(o, P) and self.v == o.v
    def __hash__(self):
        return hash(self.v)
print(V(1) == P(1), P(1) == V(1), V(1) == V(1), len({V(1), V(1), V(2)}))
class Ordered:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
    def __le__(self, o):
        return self < o or self == o
    def __gt__(self, o):
        return o < self
    def __ge__(self, o):
        return o <= self
    __hash__ = None
    def __repr__(self):
        return "O%d" % self.v
x, y = Ordered(1), Ordered(2)
print(x < y, x <= y, x > y, x >= y, x == y, x != y)
print(sorted([y, x, Ordered(0)]), max(x, y), min([y, x]))
