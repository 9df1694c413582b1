# complex construction, repr, attributes
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: complex())
t(lambda: complex(1))
t(lambda: complex(1, 2))
t(lambda: complex(1.5, -0.0))
t(lambda: complex(-0.0, -0.0))
t(lambda: complex("1+2j"))
t(lambda: complex(" (3-4j) "))
t(lambda: complex("j"))
t(lambda: complex("-j"))
t(lambda: complex("1e3j"))
t(lambda: complex("1 + 2j"))
t(lambda: complex("inf+nanj"))
t(lambda: complex("abc"))
t(lambda: complex("1+2j", 1))
t(lambda: complex(1, "2"))
t(lambda: complex(1j, 1j))
t(lambda: complex(None))
t(lambda: 3j)
t(lambda: 1 + 0j)
t(lambda: -1j)
t(lambda: 0j)
t(lambda: (1 + 2j).real)
t(lambda: (1 + 2j).imag)
t(lambda: (3 + 4j).conjugate())
t(lambda: abs(3 + 4j))
t(lambda: str(1e20 + 1e-20j))
t(lambda: complex(float("inf"), float("nan")))
class C:
    def __complex__(self):
        return 2 + 3j
t(lambda: complex(C()))
class F:
    def __float__(self):
        return 4.0
t(lambda: complex(F()))
class Bad:
    def __complex__(self):
        return 5
t(lambda: complex(Bad()))
