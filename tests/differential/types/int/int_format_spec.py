# int.__format__: every presentation type, flags, grouping, padding, errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

vals = [0, 1, -1, 7, -42, 255, 1234567, -1234567, 2**64, -(2**70)]
specs = ["", "d", "5d", "<6d", "^7d", "=+8d", "+d", "-d", " d", "05d", "08,d", "_d", ",", "_", "010_", "x", "X", "#x", "#X", "#010x",
         "_x", "#_b", "o", "#o", "b", "#b", "n", "c", "e", ".2e", "f", ".1f", "g", "G", "%", ".0%", "*^12,", "\u20ac>10",
         "z", "#", "0", "-^9", "+#x", " #o", "=10", "0=10", "010", ".0f", "10.2E"]
for v in vals:
    row = []
    for s in specs:
        try:
            row.append(format(v, s))
        except Exception as e:
            row.append(type(e).__name__ + ":" + str(e))
    print(v, row)
t(lambda: format(True, "d"))
t(lambda: format(True, ""))
t(lambda: format(False, "#x"))
t(lambda: format(True, "s"))
t(lambda: format(5, ".2d"))
t(lambda: format(5, ",c"))
t(lambda: format(5, "+c"))
t(lambda: format(0x110000, "c"))
t(lambda: format(-1, "c"))
t(lambda: format(5, ",_d"))
t(lambda: format(5, "_,d"))
t(lambda: format(5, ",x"))
t(lambda: format(5, "s"))
t(lambda: format(5, "q"))
t(lambda: format(5, "dd"))
t(lambda: format(5, "99999999999999999999d"))
t(lambda: format(5, ".99999999999999999999f"))
t(lambda: format(5, "."))
t(lambda: format(2**1100, "e"))
t(lambda: format(2**1100, "f"))
t(lambda: format(10**20, ",.2f"))
t(lambda: (5).__format__(1))
t(lambda: (5).__format__())
class MyInt(int):
    pass
t(lambda: format(MyInt(5), "q"))
t(lambda: format(MyInt(5), "x^8"))
t(lambda: "{:,}".format(10**12))
t(lambda: "{:_b}".format(1000))
t(lambda: f"{12345:>+12,}")
t(lambda: format(-0, "z"))
t(lambda: format(1234, "0=12,"))
t(lambda: format(1234, "012,"))
t(lambda: format(-1234, "012,"))
t(lambda: format(1234, "013_"))
t(lambda: format(0x1234, "012_x"))
