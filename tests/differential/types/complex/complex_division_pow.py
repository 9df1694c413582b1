# complex division and powers including special cases
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: (1 + 1j) / (1 - 1j))
t(lambda: 1 / 1j)
t(lambda: 1j / 2)
t(lambda: (2 + 0j) / (0.5 + 0j))
t(lambda: 1e300j / 1e-300)
t(lambda: (1 + 2j) ** 0.5)
t(lambda: (-1 + 0j) ** 0.5)
t(lambda: (-1) ** 0.5)
t(lambda: 1j ** 1j)
t(lambda: (1 + 1j) ** -2)
t(lambda: (0 + 0j) ** (1 + 1j))
t(lambda: (0 + 0j) ** (-1 + 1j))
t(lambda: (1 + 1j) ** 100)
t(lambda: (1e200 + 1e200j) ** 2)
t(lambda: complex(3, 4) ** 3)
t(lambda: abs((3 + 4j) ** 2))
