# abs(): numbers and __abs__
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for v in [0, -0, 5, -5, -(2**100), 0.0, -0.0, -1.5, float("-inf"), float("nan"), 3 + 4j, -1j, True, False]:
    print(repr(v), repr(abs(v)), type(abs(v)).__name__)
t(lambda: abs("x"))
t(lambda: abs(None))
t(lambda: abs([]))
t(lambda: abs())
t(lambda: abs(1, 2))
class A:
    def __abs__(self):
        return "absolute"
t(lambda: abs(A()))
class N(int):
    pass
t(lambda: type(abs(N(-3))).__name__)
t(lambda: abs(complex(1e308, 1e308)))
t(lambda: abs(-9223372036854775808))
t(lambda: abs(complex(float("inf"), float("nan"))))
