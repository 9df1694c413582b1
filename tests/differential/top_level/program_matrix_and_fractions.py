# a small complete program: exact fractions and matrix arithmetic implemented by hand
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
class Frac:
    def __init__(self, n, d=1):
        if d == 0:
            raise ZeroDivisionError("zero denominator")
        g = gcd(n, d)
        if d < 0:
            g = -g
        self.n, self.d = n // g, d // g
    def __add__(self, o):
        o = o if isinstance(o, Frac) else Frac(o)
        return Frac(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__
    def __sub__(self, o):
        o = o if isinstance(o, Frac) else Frac(o)
        return Frac(self.n * o.d - o.n * self.d, self.d * o.d)
    def __mul__(self, o):
        o = o if isinstance(o, Frac) else Frac(o)
        return Frac(self.n * o.n, self.d * o.d)
    __rmul__ = __mul__
    def __truediv__(self, o):
        o = o if isinstance(o, Frac) else Frac(o)
        return Frac(self.n * o.d, self.d * o.n)
    def __eq__(self, o):
        o = o if isinstance(o, Frac) else Frac(o)
        return (self.n, self.d) == (o.n, o.d)
    def __repr__(self):
        return str(self.n) if self.d == 1 else "%d/%d" % (self.n, self.d)
def det(m):
    n = len(m)
    m = [[x if isinstance(x, Frac) else Frac(x) for x in row] for row in m]
    result = Frac(1)
    for c in range(n):
        pivot = next((r for r in range(c, n) if m[r][c] != Frac(0)), None)
        if pivot is None:
            return Frac(0)
        if pivot != c:
            m[c], m[pivot] = m[pivot], m[c]
            result = result * -1
        result = result * m[c][c]
        for r in range(c + 1, n):
            factor = m[r][c] / m[c][c]
            m[r] = [a - factor * b for a, b in zip(m[r], m[c])]
    return result
print(Frac(1, 3) + Frac(1, 6), Frac(3, -9), Frac(2, 4) * 4, 1 + Frac(1, 2), Frac(1, 2) / Frac(3, 4))
print(sum([Frac(1, n) for n in range(1, 11)], Frac(0)))
print(det([[2, 0], [0, 3]]), det([[1, 2], [2, 4]]), det([[0, 1, 2], [3, 4, 5], [6, 7, 9]]))
print(det([[1 if i == j else Frac(1, i + j + 1) for j in range(4)] for i in range(4)]))
try:
    Frac(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
