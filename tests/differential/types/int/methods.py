# int methods and attributes
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print((10).numerator, (10).denominator, (10).real, (10).imag)
print((-7).conjugate(), (6).as_integer_ratio(), (-6).as_integer_ratio())
print((5).__index__(), (5).__int__(), (5).__float__(), (5).__trunc__(), (5).__floor__(), (5).__ceil__())
print(round(12345, -2), round(12355, -1), round(12345, -1), round(-15, -1), round(25, -1), round(7, 2))
t(lambda: round(5, 1.5))
print((255).__format__("x"), int.__round__(17, -1))
print((3).__pow__(2), (3).__pow__(2, 5), (3).__rpow__(2))
print((7).__divmod__(2), (7).__rdivmod__(30), (7).__rtruediv__(14))
print((5).__add__(1.0), (5).__radd__(3), (5).__neg__(), (-5).__abs__(), (5).__bool__(), (0).__bool__())
t(lambda: (5).foo)
t(lambda: setattr(5, "x", 1))
t(lambda: int.real.__set__(5, 3))
print(int.__name__, int.__qualname__, type(5).__name__, int.__mro__[1].__name__)
print(isinstance(True, int), issubclass(bool, int), int.__base__.__name__)
class Sub(int):
    def __repr__(self):
        return "Sub(%d)" % int(self)
s = Sub(41)
print(repr(s), s + 1, type(s + 1).__name__, repr(-s), type(abs(s)).__name__)
print(str(s), format(s, "x"), s == 41, hash(s) == hash(41))
t(lambda: int.__new__(str, 5))
print(int.__new__(Sub, 3), type(int.__new__(Sub, 3)).__name__)
print(sum(range(101)), sum([2**64] * 4))
