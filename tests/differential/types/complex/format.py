# complex repr and format
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for z in [1j, -1j, 1 + 1j, -0.0 - 0.0j, complex(0.0, -0.0), 1.5 - 2.25j, 1e20j, 1e-5 + 1e16j, complex(float("nan"), float("inf"))]:
    print(repr(z), str(z))
for spec in ["", ".2f", "10.1f", "<20", "^20.3e", "+g", ".3g", "e", "G"]:
    t(lambda: format(3.14159 - 2.71828j, spec))
t(lambda: format(1j, "d"))
t(lambda: format(1j, "%"))
t(lambda: format(1j, "=10"))
t(lambda: format(1j, "010"))
t(lambda: "%s %r" % (1j, 2 + 0j))
t(lambda: f"{1+2j!r:>12}")
