# round() on floats (banker's rounding, ndigits) and float hashes
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for v in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 0.125, 12345.6789, 1e20, -1e-20]:
    print(repr(v), round(v), round(v, 1), round(v, 2), round(v, -1), round(v, -3))
t(lambda: round(float("inf")))
t(lambda: round(float("nan")))
t(lambda: round(float("inf"), 2))
t(lambda: round(float("nan"), 1))
t(lambda: round(1.5, None))
t(lambda: round(1.5, 1.0))
t(lambda: round(1e300, -400))
t(lambda: round(1.23456, 400))
t(lambda: type(round(2.5)).__name__)
t(lambda: type(round(2.5, 0)).__name__)
for v in [0.0, -0.0, 1.0, 1.5, -1.5, 0.1, 1e100, 2.0**61, 2.0**62, float("inf"), float("-inf"), 1e-300, 3.14159]:
    print(repr(v), hash(v))
print(hash(float("nan")) == hash(float("nan")) or "nan hash depends on identity")
print(hash(0.5) == hash(1/2), hash(1.0) == hash(1), hash(2**100) == hash(2.0**100))
