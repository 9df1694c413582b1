# cmath: branch cuts with signed zeros, values near 1 and 0 (log1p paths),
# large arguments, real arguments, and agreement with identities
import cmath
cut_points = [complex(2, 0.0), complex(2, -0.0), complex(-2, 0.0), complex(-2, -0.0), complex(0.0, 2), complex(-0.0, 2),
              complex(0.0, -2), complex(-0.0, -2), complex(1, 0.0), complex(-1, -0.0), complex(0.0, 1), complex(-0.0, -1)]
for name in ["acos", "acosh", "asin", "asinh", "atan", "atanh", "log", "log10", "sqrt"]:
    f = getattr(cmath, name)
    out = []
    for z in cut_points:
        try:
            out.append(repr(f(z)))
        except ValueError as e:
            out.append("ValueError " + str(e))
    print(name, out)
zs = [1 + 1e-10j, 0.999 + 0.01j, 1.2 + 0.7j, 0.7 - 0.7j, 1e-310 + 1e-310j, 3e-320 - 2e-320j, 1e-200j, 1e308 + 1e308j,
      -1e308 - 1e307j, 1e200 + 1j, 2e154 + 2e154j, 700 + 1j, 711 + 0.5j, -711 + 0.5j, 720 - 3j, 0.3 + 710j, 1 + 0j,
      (1 + 1e-17j), 1e-8 + 0j, -3, 2.5, True, 1e16 + 1e-16j]
for z in zs:
    out = []
    for name in ["acos", "asinh", "atanh", "cosh", "exp", "log", "sinh", "sqrt", "tan", "tanh"]:
        try:
            out.append(repr(getattr(cmath, name)(z)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(repr(z), out)
for z in [0.5 + 0.25j, -1.5 + 2j, 3 - 4j, 1e-5 - 2e-5j]:
    print(cmath.exp(cmath.log(z)), cmath.sin(z) ** 2 + cmath.cos(z) ** 2, cmath.tanh(cmath.atanh(z)), cmath.sqrt(z) ** 2)
