# float format specs and %-formatting
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

vals = [0.0, -0.0, 1.5, 1234.5678, 1e-7, 1.2345e20, float("inf"), float("nan"), -2.5]
specs = ["", ".2f", "10.3f", "<10.1f", "+.0f", "e", ".3E", "g", ".3g", "G", "%", ".1%", ",.2f", "_.1f", "010.2f", "#.0f", "n", "z.1f", "^12", " g", ".0e", "#g"]
for v in vals:
    print(repr(v), [format(v, s) for s in specs])
t(lambda: format(1.5, "d"))
t(lambda: format(1.5, "x"))
t(lambda: format(1.5, "c"))
t(lambda: format(1.5, ",_f"))
t(lambda: format(1.5, ".f"))
t(lambda: format(2.5, ".0f"))
t(lambda: format(3.5, ".0f"))
t(lambda: format(1e100, ".3f")[:20])
t(lambda: format(0.1, ".30f"))
t(lambda: format(123456789.0, "g"))
t(lambda: format(1234567.0, ".7g"))
print("%f %e %g %.3f %10.2f %-10.2f| %+f %E %G %%" % (1.5, 1.5, 1.5, 2/3, 3.14159, 3.14159, 1.0, 12345.678, 1e-10))
print("%.0f %.0f %.0f %.0f" % (0.5, 1.5, 2.5, -0.5))
print("%r %s %a" % (0.1, 0.1, 1e100))
t(lambda: "%f" % "x")
t(lambda: "%d" % 3.7)
t(lambda: "%x" % 3.7)
print(str(1e16), str(1.0e-5), repr(12345678901234567890.0))
