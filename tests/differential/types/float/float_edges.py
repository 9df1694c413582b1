# float: parsing, repr, hex/fromhex, as_integer_ratio, round, format specs, hash
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for s in ["1", " 1.5 ", "-0", "+.5", "5.", "1e5", "1E-5", "1_000.5", "1__0", "_1", "1_", "1_e5", "1e_5", "0x1p3", "inf", "-Infinity", "+iNf",
          "nan", "-NaN", "nAn", "infinity", "infinit", "1e400", "-1e400", "1e-400", "٣.٥", "\u20031.25\u2003", "", " ", ".", "e5", "1e", "1.5j",
          "0.1", "1.7976931348623157e308", "1.7976931348623159e308", "4.9e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
          "123456789012345678901234567890", "0.000000000000000000000000000001", "1_2.3_4e1_0"]:
    t(lambda: float(s))
for v in [0.0, -0.0, 1.0, 0.1, 1/3, 1e16, 1e15, 123456789012345678.0, 1e-5, 1e-4, 0.0001234, 1e22, 1e23, 5e-324, 1.7976931348623157e308,
          2.5, -1.5e-7, 100.0, 1e100, float("inf"), float("nan"), 9007199254740993.0, 0.3, 2/3]:
    print(repr(v), str(v), v.hex(), v.is_integer() if v - v == 0 else "-")
for v in [0.5, 0.1, -2.75, 1e300, 5e-324, 3.0]:
    print(v.as_integer_ratio())
t(lambda: float("inf").as_integer_ratio())
t(lambda: float("nan").as_integer_ratio())
for s in ["0x1p0", "0x1.8p1", "-0x1p-1074", "0x1p-1075", "0x1.fffffffffffff8p1023", "0x1p1024", "  0x10  ", "0X1P+2", "1p3", "0x.8", "0x1.",
          "inf", "-nan", "0x", "0xp1", "0x1p", "0x1.0000000000000000000000001p0", "0x1.00000000000008p0", "0x1.00000000000018p0", "ff", "0x1_0"]:
    t(lambda: float.fromhex(s))
for x, n in [(2.5, None), (3.5, None), (-2.5, None), (2.675, 2), (1.005, 2), (0.125, 2), (0.375, 2), (1234.5, -1), (1250.0, -2), (1e300, -300),
             (5e-324, 330), (1.5, 400), (1.5, -400), (float("inf"), 2), (float("nan"), 0), (-0.0, 1), (123.456, 1), (2**52 + 0.5, None),
             (0.5, 0), (-0.5, 0), (1e16, 5)]:
    t(lambda: round(x, n) if n is not None else round(x))
t(lambda: round(float("inf")))
t(lambda: round(float("nan")))
t(lambda: round(1.5, 2.0))
t(lambda: round(1.5, "1"))
vals = [0.0, -0.0, 1.0, -1.5, 3.141592653589793, 1e-10, 1.5e300, 123456.789, float("inf"), float("-inf"), float("nan")]
specs = ["", "f", ".0f", ".3f", "e", ".0e", "E", "g", ".1g", ".10g", "G", "#g", "#.0f", "#.0e", "%", ".1%", "n", ",", ",.2f", "_.3f",
         "+", " ", "z.1f", "z", "010.2f", "0=10.1f", "<10", "^10.2", "*>12.3e", ".3", "r", "10.4n", "+012,.2f", ".2", "#"]
for v in vals:
    row = []
    for s in specs:
        try:
            row.append(format(v, s))
        except Exception as e:
            row.append(type(e).__name__ + ":" + str(e))
    print(repr(v), row)
for v in [0.5, 1.5, 2.0, -3.25, 1e300, 2.0**-1074, 1e-300]:
    print(hash(v) == hash(v.as_integer_ratio()[0]) if v.is_integer() else hash(v))
t(lambda: float.fromhex(b"0x1"))
t(lambda: float("1", 2))
t(lambda: float(x=1))
t(lambda: float(b"1.5"))
t(lambda: float(b"\xff"))
t(lambda: float("1\x00"))
t(lambda: float("x" * 300))
t(lambda: (1.5).__round__(None))
t(lambda: (1.5).__round__(1, 2))
t(lambda: 1.5 .__trunc__())
t(lambda: (-1.5).__floor__())
t(lambda: (-1.5).__ceil__())
t(lambda: divmod(7.5, 2))
t(lambda: divmod(-7.5, 2))
t(lambda: 7.5 // 0)
t(lambda: 7.5 % 0)
t(lambda: 0.0 ** -1)
t(lambda: (-8.0) ** (1/3))
t(lambda: 2.0 ** 10000)
t(lambda: -7.5 % 2)
t(lambda: 7.5 % -2)
t(lambda: -0.0 % 5)
t(lambda: 1e308 * 10)
t(lambda: float.__getformat__("double"))
t(lambda: (3.0).conjugate())
t(lambda: (3.5).real, )
t(lambda: (3.5).imag)
