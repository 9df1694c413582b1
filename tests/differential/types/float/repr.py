# float repr: shortest round-trip, exponents, specials
vals = [0.0, -0.0, 1.0, 0.1, 0.2, 0.1 + 0.2, 1/3, 2/3, 1e16, 1e15, 123456789012345678.0,
        1e-4, 1e-5, 0.0001234, 1.5e300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
        float("inf"), float("-inf"), float("nan"), 100.0, 1e22, 1e23, 9007199254740993.0,
        3.141592653589793, 2.718281828459045, 0.30000000000000004, 1.0000000000000002,
        123.456, -987.654e-10, 4.35, 2.675]
for v in vals:
    print(repr(v), str(v))
print(float("1e500"), float("-1e500"), float("1e-500"))
print(repr(float("  3.25\n")), float("1_000.5"), float("+.5"), float("-5."), float("infinity"), float("-Infinity"), float("nAn"))
for s in ["", "1e", "1_", "_1", "1__0", "0x10", "1.2.3", "in f", "nan(1)", "--1", "1e1.5"]:
    try:
        print(float(s))
    except ValueError as e:
        print("ValueError", e)
print(float(7), float(True), float(-2**63), float(b"1.5"), float(bytearray(b" 2 ")))
try:
    float(None)
except TypeError as e:
    print("TypeError", e)
try:
    float([])
except TypeError as e:
    print("TypeError", e)
class F:
    def __float__(self):
        return 2.5
class I:
    def __index__(self):
        return 3
print(float(F()), float(I()))
class Bad:
    def __float__(self):
        return 1
try:
    float(Bad())
except TypeError as e:
    print("TypeError", e)
