# int subclasses: operations return plain int, overridden methods, bool interplay
class Flags(int):
    def __repr__(self):
        return "Flags(%d)" % int(self)
    def __or__(self, o):
        return Flags(int(self) | int(o))
a = Flags(1)
b = Flags(4)
print(repr(a | b), type(a | b).__name__, type(a & b).__name__, type(a + b).__name__)
print(type(-a).__name__, type(abs(a)).__name__, type(a * 1).__name__, type(+a).__name__)
print(a == 1, a < b, hash(a) == hash(1), {a: "x"}[1], [10, 20][a])
print(int(a), float(b), str(a), format(b, "03b"), "%d" % a, f"{a}")
class Weird(int):
    def __eq__(self, o):
        return False
    __hash__ = int.__hash__
w = Weird(3)
print(w == 3, 3 == w, w != 3, w in [3], {3: "found"}.get(w, "missing"))
class Meters(int):
    def __new__(cls, v, unit="m"):
        self = super().__new__(cls, v)
        self.unit = unit
        return self
    def __str__(self):
        return "%d%s" % (self, self.unit)
m = Meters(5, "km")
print(m, m + 1, m.unit, int.__str__(m), repr(m))
print(isinstance(m, int), issubclass(Meters, int), Meters.__mro__[1].__name__)
print(sorted([Meters(3), 1, Meters(2)]), sum([Meters(1), Meters(2)]))
