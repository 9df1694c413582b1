# complex: string parsing, constructor errors, repr, arithmetic and errors, format
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for s in ["1", "1j", "-1j", "1+2j", "1-2j", " (1+2j) ", "(1+2j", "1+2j)", "()", "j", "+j", "-j", "1+j", "1e3+1e-3j", "inf+nanj", "-infj",
          "1_0+2_0j", "1__0j", "1 + 2j", "1+2J", "1.5e", "", " ", "(", "2j+1", "\u20031j\u2003", "nan", "1+2", "0x1j", "1e400j", "٣+٤j"]:
    t(lambda: complex(s))
t(lambda: complex("1", 2))
t(lambda: complex(1, "2"))
t(lambda: complex(None))
t(lambda: complex([]))
t(lambda: complex(1, None))
t(lambda: complex(1j, 1j))
t(lambda: complex(real=1, imag=2))
t(lambda: complex(imag=-0.0))
t(lambda: complex(-0.0))
t(lambda: complex(x=1))
t(lambda: complex(1, 2, 3))
t(lambda: complex(1, real=2))
class C:
    def __complex__(self):
        return 2 + 3j
class BadC:
    def __complex__(self):
        return 5
class F:
    def __float__(self):
        return 1.5
class Ix:
    def __index__(self):
        return 4
t(lambda: complex(C()))
t(lambda: complex(BadC()))
t(lambda: complex(F(), F()))
t(lambda: complex(Ix()))
t(lambda: complex(10**400))
for z in [0j, -0j, complex(0, -0.0), complex(-0.0, 0), 1 + 0j, 1 - 0j, complex(1e16, 1e-5), complex(float("nan"), float("-inf")), 1e300j * 1e10]:
    print(repr(z), str(z), z.real, z.imag, z.conjugate())
a, b = 3 + 4j, 1 - 2j
print(a + b, a - b, a * b, a / b, -a, +a, abs(a), a ** 2, a ** 0.5, a ** b, a == 3 + 4j, a != b, a == 3, (3 + 0j) == 3.0)
t(lambda: a / 0)
t(lambda: a / 0j)
t(lambda: a // 2)
t(lambda: a % 2)
t(lambda: divmod(a, 2))
t(lambda: a < b)
t(lambda: 0j ** -1)
t(lambda: 0j ** 0)
t(lambda: (1 + 1j) ** 10**6)
t(lambda: abs(complex(1e308, 1e308)))
t(lambda: int(a))
t(lambda: float(a))
t(lambda: hash(1 + 0j) == hash(1))
t(lambda: hash(3 + 4j))
t(lambda: round(a))
t(lambda: (1 + 2j).__format__(1))
for spec in ["", ".2f", "10.1e", "<20", "^20.3g", "+", " ", "g", "G", "E", ".0f", "#.0f", "*>15,.1f", "n", "z.1f", "010", "=10", "d", "%", "s"]:
    for z in [1 + 2j, -1.5 - 0j, 1j, complex(1e10, -2e-10), complex(float("inf"), float("nan"))]:
        t(lambda: format(z, spec))
