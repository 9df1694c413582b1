# __slots__ together with properties, class attributes and inheritance without slots
class Point:
    __slots__ = ("_x", "_y")
    dims = 2
    def __init__(self, x, y):
        self._x, self._y = x, y
    @property
    def x(self):
        return self._x
    @x.setter
    def x(self, v):
        if not isinstance(v, (int, float)):
            raise TypeError("x must be a number, not %s" % type(v).__name__)
        self._x = v
    @property
    def norm2(self):
        return self._x ** 2 + self._y ** 2
p = Point(3, 4)
print(p.x, p.norm2, p.dims, Point.dims)
p.x = 6
print(p.x, p.norm2)
for bad in [lambda: setattr(p, "x", "s"), lambda: setattr(p, "z", 1), lambda: setattr(p, "dims", 3), lambda: setattr(p, "norm2", 1)]:
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
class Point3(Point):
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
q = Point3(1, 2, 3)
print(q.x, q.z, q.__dict__, q.norm2)
print(sorted(Point.__slots__), hasattr(p, "__dict__"), hasattr(q, "__dict__"))
