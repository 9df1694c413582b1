# complex power (integer exponents by repeated squaring, others via polar form) and division
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for z in [1+2j, 0.5-1.5j, -3j, 1e10+1j, complex(1e-300, 1e-300)]:
    for n in (0, 1, 2, 3, 5, 10, 100, 101, -1, -2, -7):
        t(lambda: z ** n)
    print(z ** 0.5, z ** (1+1j), z ** 2.0, pow(z, 3), z * z * z, z / (1 - 1j), (1 - 1j) / z, abs(z))
t(lambda: (1e308 + 1e308j) * 2)
t(lambda: (1e308+1e308j) / (1e-308+1e-308j))
for a, b in [(1+1j, 0j), (0j, 0j), (0j, -1), (0j, 1j), (1e200j, 2), (2, 1e300j), (0j, 2), (0j, 0.5), (1j, 1j)]:
    t(lambda: a ** b)
t(lambda: pow(1j, 2, 3))
t(lambda: (1+2j) / 0)
t(lambda: 1 / 0j)
t(lambda: (1+2j) // 1)
