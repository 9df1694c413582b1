# round() on ints, floats, custom __round__
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: round(0.5))
t(lambda: round(1.5))
t(lambda: round(-2.5))
t(lambda: round(2.5, 0))
t(lambda: round(1.25, 1))
t(lambda: round(1.35, 1))
t(lambda: round(123.456, -1))
t(lambda: round(123.456, -5))
t(lambda: round(5))
t(lambda: round(15, -1))
t(lambda: round(25, -1))
t(lambda: round(-35, -1))
t(lambda: round(10**30 + 5, -1))
t(lambda: round(5, 10))
t(lambda: round(True))
t(lambda: round("1"))
t(lambda: round(1.5, "1"))
t(lambda: round())
t(lambda: round(1j))
t(lambda: round(float("inf")))
t(lambda: round(1e300, 2))
class R:
    def __round__(self, n=None):
        return ("rounded", n)
t(lambda: round(R()))
t(lambda: round(R(), 3))
t(lambda: round(R(), None))
class NoRound:
    pass
t(lambda: round(NoRound()))
t(lambda: round(number=2.5, ndigits=None))
t(lambda: [round(x / 10, 1) for x in range(0, 30, 5)])
