# conversions between float and int: truncation, rounding, exactness, overflow
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for v in [0.5, 1.5, -0.5, -1.5, 2.5, 1e15 + 0.5, 1e16, 2.0**63, -2.0**63, 1e300, 0.999999999999]:
    print(repr(v), int(v), round(v), v // 1, -(-v // 1))
t(lambda: float(2**53 + 1))
t(lambda: float(2**53 + 3))
t(lambda: float(-(2**60) - 1))
t(lambda: int(float(10**17)) == 10**17)
t(lambda: float(10**308 * 10))
t(lambda: float(-(10**309)))
t(lambda: float("1" + "0" * 308))
t(lambda: float("1" + "0" * 309))
t(lambda: int(1e20))
t(lambda: int(-1e-20))
t(lambda: int(5e-324))
t(lambda: (0.1).as_integer_ratio())
t(lambda: (2.5).as_integer_ratio())
t(lambda: float(1 << 1023) == 2.0 ** 1023)
t(lambda: 2 ** 0.5 * 2 ** 0.5 == 2)
t(lambda: 10 ** -1)
t(lambda: 10 ** -400)
t(lambda: 3 / 2 == 1.5)
t(lambda: 7.0 == 7 == 7 + 0j)
