# bool: a subclass of int with two instances
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(True, False, repr(True), str(False))
print(True + True, True * 10, -True, ~True, True / 2, True // 2, True ** 3)
print(True & True, True | False, True ^ True, False ^ False)
print(type(True & True).__name__, type(True + 0).__name__, type(~True).__name__)
print(bool(), bool(0), bool(1), bool(-1), bool(0.0), bool(""), bool(" "), bool([]), bool([0]), bool(None), bool(()), bool({}))
print(bool(0j), bool(range(0)), bool(range(1)), bool(b""), bool(bytearray(1)))
print(int(True), float(False), str(True) + "!", format(True, "^7"), format(False, "d"))
print(hash(True), hash(False), True == 1, False == 0, True is True)
print(isinstance(True, int), bool.__mro__[1].__name__, bool.__name__)
t(lambda: type("B", (bool,), {}))
t(lambda: bool(1, 2))
t(lambda: bool(x=1))
print({True: "a", 1: "b", 1.0: "c"})
print(sum([True, True, False]), max(True, 2), sorted([True, False, 0, 1]))
print(True.real, True.imag, True.numerator, True.denominator, True.conjugate())
print(bool.__new__(bool, 5), bool("False"))
class Z:
    def __bool__(self):
        return False
class L:
    def __len__(self):
        return 3
class BB:
    def __bool__(self):
        return 1
class NL:
    def __len__(self):
        return -1
print(bool(Z()), bool(L()), not Z(), not L())
t(lambda: bool(BB()))
t(lambda: bool(NL()))
print(True and 5, False or [], 0 or None, 3 and 0)
