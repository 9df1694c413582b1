# float method argument errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: (1.5).is_integer(1))
t(lambda: (1.5).as_integer_ratio(1))
t(lambda: float.fromhex())
t(lambda: float.fromhex(b"0x1p0"))
t(lambda: (1.5).hex(1))
t(lambda: float.__getformat__("int"))
t(lambda: (1.5).__round__("1"))
t(lambda: (1.5).__format__(1))
t(lambda: float("1", "2"))
t(lambda: float(x=1))
t(lambda: (1.5).__trunc__(1))
t(lambda: (2.0).__pow__(2, 3))
t(lambda: (2.0).__divmod__(0))
t(lambda: (2.0).__mod__("x"))
