# a full-featured value class implementing many dunders
class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x=0, y=0):
        self.x, self.y = x, y
    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __bool__(self):
        return bool(self.x or self.y)
    def __iter__(self):
        yield self.x
        yield self.y
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __len__(self):
        return 2
    def __lt__(self, o):
        return abs(self) < abs(o)
v, w = Vec(3, 4), Vec(1, 2)
print(v + w, v - w, v * 2, 3 * w, -v, abs(v), bool(Vec()), bool(v))
print(list(v), v[0], v[-1], len(v), tuple(w), dict([v]) if False else "skip")
print(v == Vec(3, 4), v != w, v == (3, 4), hash(v) == hash(Vec(3, 4)))
print(sorted([v, w, Vec(0, 1)]), max(v, w), {v, Vec(3, 4), w} == {v, w})
x, y = v
print(x, y)
try:
    v[2]
except IndexError as e:
    print("IndexError", e)
try:
    v + 1
except AttributeError as e:
    print("AttributeError", e)
try:
    v.z = 1
except AttributeError as e:
    print("AttributeError", e)
print(Vec(1, 1) * 0.5, sum([Vec(1, 0), Vec(0, 1)], Vec()))
