# a class emulating numbers fully: interacting with int, float and builtins
class Money:
    def __init__(self, cents):
        self.cents = int(cents)
    def __repr__(self):
        return "Money(%d.%02d)" % divmod(self.cents, 100)
    def _coerce(self, o):
        if isinstance(o, Money):
            return o.cents
        if isinstance(o, int):
            return o * 100
        return NotImplemented
    def __add__(self, o):
        c = self._coerce(o)
        return NotImplemented if c is NotImplemented else Money(self.cents + c)
    __radd__ = __add__
    def __sub__(self, o):
        c = self._coerce(o)
        return NotImplemented if c is NotImplemented else Money(self.cents - c)
    def __rsub__(self, o):
        c = self._coerce(o)
        return NotImplemented if c is NotImplemented else Money(c - self.cents)
    def __mul__(self, k):
        if isinstance(k, int):
            return Money(self.cents * k)
        return NotImplemented
    __rmul__ = __mul__
    def __truediv__(self, k):
        return Money(self.cents // k)
    def __eq__(self, o):
        c = self._coerce(o)
        return NotImplemented if c is NotImplemented else self.cents == c
    def __lt__(self, o):
        return self.cents < self._coerce(o)
    def __hash__(self):
        return hash(self.cents)
    def __bool__(self):
        return self.cents != 0
    def __int__(self):
        return self.cents // 100
    def __float__(self):
        return self.cents / 100
    def __round__(self, n=None):
        return Money(round(self.cents, -2))
    def __neg__(self):
        return Money(-self.cents)
    def __abs__(self):
        return Money(abs(self.cents))
m = Money(1050)
print(m + 1, 1 + m, m - 2, 20 - m, m * 3, 2 * m, m / 4)
print(m == 10, m == Money(1050), m != Money(1), m < 11, sorted([Money(5), Money(1)]))
print(sum([Money(100), Money(250)]), int(m), float(m), round(m), -m, abs(-m), bool(Money(0)))
for expr in ["m * 1.5", "m + 'x'", "'x' - m", "m @ m", "m < 'x'"]:
    try:
        print(eval(expr))
    except TypeError as e:
        print("TypeError", e)
print(max(Money(3), Money(7)), {Money(100): "one dollar"}[Money(100)])
