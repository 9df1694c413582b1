# int repr, str, and format specs
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for spec in ["", "d", "5d", "<5d", "^7d", "+d", " d", "x", "X", "#x", "#o", "#b", "08b", ",", "_", "_x", "e", ".2f", "%", "n", "c", "=+8d", "0>6", "*^9"]:
    t(lambda: format(1234, spec))
t(lambda: format(-42, "08d"))
t(lambda: format(-42, "#010x"))
t(lambda: format(10**25, ","))
t(lambda: format(65, "c"))
t(lambda: format(-1, "c"))
t(lambda: format(5, "s"))
t(lambda: format(5, ".2d"))
t(lambda: format(5, ",d,"))
t(lambda: format(5, "z"))
t(lambda: format(5, ",b"))
t(lambda: format(True, "d"))
t(lambda: format(True, ""))
print(repr(-0), str(10**40), repr(-10**40))
print("%d %i %5d %-5d| %x %X %o %#x %#o %+d %05d" % (1, 2, 3, 4, 255, 255, 8, 255, 8, 5, -42))
t(lambda: "%d" % "x")
t(lambda: "%x" % 1.5)
t(lambda: "%c" % 97)
