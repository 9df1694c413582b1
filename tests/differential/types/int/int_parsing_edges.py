# int(): bases, prefixes, underscores, whitespace, Unicode digits, errors, digit limit
import sys
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, str(e)[:120])

for s in ["0", "-0", "+7", " 12 ", "\t-3\n", "1_000", "1__0", "_1", "1_", "0x1f", "0X1F", "0o17", "0b101", "0_7", "00", "007",
          "٣", "१२३", "\u00a012\u2003", "1e3", "", " ", "+", "-", "0x", "12a", "1.0", "\x00", "𝟏𝟐", "๑๒"]:
    t(lambda: int(s))
for s, b in [("0x1f", 16), ("1f", 16), ("0x1f", 0), ("0b11", 0), ("0o7", 0), ("07", 0), ("0", 0), ("00", 0), ("0_0", 0),
             ("z", 36), ("Z", 36), ("10", 2), ("12", 2), ("0b_1", 0), ("0x_f", 16), ("0b1", 2), ("0o7", 8), ("0x", 16),
             ("1", 1), ("1", 37), ("1", -1), ("10", 2**70), ("ff", "16"), ("_", 10), ("1_2", 0), ("0_1", 0)]:
    t(lambda: int(s, b))
t(lambda: int(b"42"))
t(lambda: int(b" 0x10 ", 16))
t(lambda: int(b"1_0"))
t(lambda: int(b"\xff"))
t(lambda: int(12, 10))
t(lambda: int(12.5, 10))
t(lambda: int(base=10))
t(lambda: int(x="1"))
t(lambda: int("1", base=10))
t(lambda: int(3.99))
t(lambda: int(-3.99))
t(lambda: int(float("inf")))
t(lambda: int(float("nan")))
t(lambda: int(1e300) == 10**300)
t(lambda: int(None))
t(lambda: int([1]))
t(lambda: int(True))
class T:
    def __trunc__(self):
        return 9
class I:
    def __int__(self):
        return 8
class X:
    def __index__(self):
        return 7
class Bad:
    def __int__(self):
        return "x"
class BadT:
    def __trunc__(self):
        return "y"
t(lambda: int(I()))
t(lambda: int(X()))
t(lambda: int(Bad()))
t(lambda: int("9" * 4300) % 1000)
t(lambda: int("9" * 4301))
t(lambda: int("-" + "9" * 4301))
t(lambda: str(10 ** 4300))
t(lambda: len(str(10 ** 4299)))
t(lambda: int("f" * 5000, 16) % 1000)
t(lambda: repr(10**5000))
t(lambda: "%d" % 10**5000)
t(lambda: f"{10**5000}")
t(lambda: sys.get_int_max_str_digits())
sys.set_int_max_str_digits(5000)
t(lambda: len(str(10 ** 4999)))
t(lambda: sys.set_int_max_str_digits(100))
t(lambda: sys.set_int_max_str_digits(0))
t(lambda: len(str(10 ** 10000)))
t(lambda: hex(10**5000)[-3:])
t(lambda: int("1" * 20000) % 7)
t(lambda: int("  1_2_3  "))
t(lambda: int("1" + "0" * 30, 36) % 1000)
t(lambda: int("-0b1010", 0))
t(lambda: int("- 1"))
t(lambda: int("1 2"))
t(lambda: int("x" * 300))
