# float methods: is_integer, as_integer_ratio, hex/fromhex, conjugate
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for v in [0.5, 0.1, -2.75, 3.0, 1e300, 5e-324, 0.0, -0.0]:
    print(repr(v), v.is_integer(), v.as_integer_ratio(), v.hex())
t(lambda: float("inf").as_integer_ratio())
t(lambda: float("nan").as_integer_ratio())
t(lambda: float("inf").is_integer())
t(lambda: float("inf").hex())
t(lambda: float("nan").hex())
for s in ["0x1p0", "0x1.8p1", "-0x1.fffffffffffffp+1023", "0x0.0000000000001p-1022", "0X1P-2", "  0x1.0p3  ", "inf", "-nan", "0x1", "1p3", "0x1p", "0x1p99999"]:
    t(lambda: float.fromhex(s))
t(lambda: float.fromhex(3))
print((2.5).conjugate(), (2.5).real, (2.5).imag)
print(float.__getformat__("double"))
t(lambda: (1.5).__trunc__())
t(lambda: (-1.5).__floor__())
t(lambda: (-1.5).__ceil__())
t(lambda: (1.5).__round__())
t(lambda: (2.5).__round__())
t(lambda: (2.675).__round__(2))
t(lambda: (1.5).__int__())
t(lambda: int(-0.9999))
class MyFloat(float):
    pass
t(lambda: type(MyFloat.fromhex("0x1p1")).__name__)
t(lambda: MyFloat(2.5) + 1)
t(lambda: type(MyFloat(2.5) + 1).__name__)
t(lambda: repr(MyFloat("1.25")))
