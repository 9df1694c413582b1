# float(): parsing many textual forms
samples = ["0", "-0", "+0.0", "1.", ".1", "1e5", "1E5", "1e+5", "1e-5", "1_0.5", "1.5_0", "1e1_0", "  12.5  ",
           "\t-3.25\n", "inf", "+inf", "-Infinity", "INFINITY", "nan", "-nan", "NaN", "1e400", "-1e400", "1e-400",
           "0x1p3", "1,5", "1..5", "e5", "1e", "--1", "+-1", "1.5f", "١.٥", "1 2", "", " ", "_1.0", "1.0_", "1._0", "0.1234567890123456789"]
for s in samples:
    try:
        print(repr(s), repr(float(s)))
    except ValueError as e:
        print(repr(s), "ValueError", e)
class Str(str):
    pass
print(float(Str(" 2.5 ")), float(b"  -1e2 "), float(bytearray(b"inf")), float(memoryview(b"3.25")))
for obj in [None, [], {}, object(), 1j]:
    try:
        float(obj)
    except TypeError as e:
        print(type(obj).__name__, "TypeError", e)
for s in ["1e-324", "2e-324", "3e-324", "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324"]:
    print(s, repr(float(s)))
for s in ["1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1.8e308"]:
    print(s, repr(float(s)))
print(float("0." + "0" * 400 + "1"), float("1" + "0" * 400 + "e-400"))
print(float("9" * 30), float("0.1" + "0" * 50 + "1"))
print(repr(float("-0.0")), repr(float("+0e10")), float("00001.50000"))
