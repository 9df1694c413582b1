# float(): parsing many textual forms
samples = ["0", "-0", "+0.0", "1.", ".1", "1e5", "1E5", "1e+5", "1e-5", "1_0.5", "1.5_0", "1e1_0", "  12.5  ",
           "\t-3.25\n", "inf", "+inf", "-Infinity", "INFINITY", "nan", "-nan", "NaN", "1e400", "-1e400", "1e-400",
           "0x1p3", "1,5", "1..5", "e5", "1e", "--1", "+-1", "1.5f", "١.٥", "1 2", "", " ", "_1.0", "1.0_", "1._0", "0.1234567890123456789"]
for s in samples:
    try:
        print(repr(s), repr(float(s)))
    except ValueError as e:
        print(repr(s), "ValueError", e)
