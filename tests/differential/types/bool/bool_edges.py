# bool: constructor, truth protocol errors, arithmetic results, repr/format
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class L:
    def __len__(self):
        return -1
class B:
    def __bool__(self):
        return 1
class Big:
    def __len__(self):
        return 2**100
class BoolRaises:
    def __bool__(self):
        raise KeyError("k")
class NoBool:
    pass
t(lambda: bool(L()))
t(lambda: bool(B()))
t(lambda: bool(Big()))
t(lambda: bool(BoolRaises()))
t(lambda: bool(NoBool()))
t(lambda: [bool(x) for x in (0, 1, -1, 0.0, -0.0, float("nan"), "", " ", (), (0,), [], {}, set(), None, 0j, 1j, range(0), b"")])
t(lambda: bool(x=1))
t(lambda: bool(1, 2))
t(lambda: (True + 1, True - True, True * 2.5, True / True, True ** 10, True << 3, -True, abs(False), divmod(True, 2)))
t(lambda: (True & True, True | 0, False ^ True, ~False, type(True & True).__name__, type(True & 1).__name__, type(True ^ 1).__name__))
t(lambda: (format(True), format(True, "d"), format(False, "^7"), format(True, ">6"), f"{True!r:>6}", "%s %d %r" % (True, True, False), str(True), "{}".format(False)))
t(lambda: (True == 1, True is bool(1), hash(True), hash(False), True.real, True.imag, True.numerator, True.denominator, True.bit_length()))
t(lambda: (bool.__name__, bool.__base__.__name__, isinstance(True, int), issubclass(bool, int), bool() is False))
t(lambda: True.__class__(0))
t(lambda: bool.__new__(bool, 5))
t(lambda: int.__new__(bool, 1))
t(lambda: type("X", (bool,), {}))
t(lambda: True.conjugate())
t(lambda: True.as_integer_ratio())
t(lambda: True.to_bytes(2, "little"))
t(lambda: bool.from_bytes(b"\x00\x01", "big"))
t(lambda: sorted([True, False, 0, 1, -1]))
t(lambda: not L())
t(lambda: not NoBool())
t(lambda: L() and 1)
