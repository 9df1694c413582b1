# complex equality with reals, hashing consistency, special values
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: 1 + 0j == 1)
t(lambda: 1 + 0j == True)
t(lambda: 0.5 + 0j == 0.5)
t(lambda: 1 + 1j == 1)
t(lambda: 1j != 1j)
t(lambda: {1: "int"}[1 + 0j])
t(lambda: hash(complex(2, 0)) == hash(2))
t(lambda: hash(complex(0.5, 0)) == hash(0.5))
t(lambda: hash(complex(1, 1)))
t(lambda: hash(complex(-1, 0)))
t(lambda: hash(complex(0, -1)))
t(lambda: complex(float("nan"), 0) == complex(float("nan"), 0))
t(lambda: complex(float("inf"), 0) == float("inf"))
t(lambda: complex(1, 2) == (1, 2))
t(lambda: 10**400 == complex(1, 0))
t(lambda: complex(10**20, 0) == 10**20)
t(lambda: (1j).__eq__(1))
t(lambda: (1j).__lt__(1))
t(lambda: (1j).__ge__(1j))
t(lambda: sorted([1j, 2j]))
t(lambda: max([1, 1j]))
