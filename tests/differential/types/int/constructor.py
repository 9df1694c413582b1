# int() from strings, bases, underscores, floats and errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: int())
t(lambda: int("  42  "))
t(lambda: int("-0"))
t(lambda: int("+17"))
t(lambda: int("1_000_000"))
t(lambda: int("1__0"))
t(lambda: int("_1"))
t(lambda: int("1_"))
t(lambda: int("0x1f", 16))
t(lambda: int("0x1f", 0))
t(lambda: int("0o17", 0))
t(lambda: int("0b101", 0))
t(lambda: int("0_1", 0))
t(lambda: int("010", 0))
t(lambda: int("00", 0))
t(lambda: int("z", 36))
t(lambda: int("Z", 36))
t(lambda: int("10", 37))
t(lambda: int("10", 1))
t(lambda: int("12", 2))
t(lambda: int(""))
t(lambda: int("3.5"))
t(lambda: int(3.99))
t(lambda: int(-3.99))
t(lambda: int(1e20))
t(lambda: int(float("inf")))
t(lambda: int(float("nan")))
t(lambda: int(None))
t(lambda: int([1]))
t(lambda: int(10, 2))
t(lambda: int(b"42"))
t(lambda: int(bytearray(b"-7")))
t(lambda: int("١٢٣"))
t(lambda: int(True))
t(lambda: int(x="5"))
t(lambda: int("5", base=10))
class I:
    def __index__(self):
        return 7
class T:
    def __trunc__(self):
        return 9
class N:
    def __int__(self):
        return 11
t(lambda: int(N()))
t(lambda: int("ff", I()))
t(lambda: int(I()))
class Bad:
    def __int__(self):
        return "x"
t(lambda: int(Bad()))
