# every function of math, cmath, binascii, _struct and the methods of
# _random.Random and _struct.Struct called with wrong counts, types and
# keywords: the calling-convention errors in CPython's order
import math, cmath, binascii, _struct, _random
mods = [math, cmath, binascii, _struct]
r = _random.Random(1)
st = _struct.Struct("h")
targets = []
for m in mods:
    for n in sorted(dir(m)):
        f = getattr(m, n)
        if callable(f) and type(f).__name__ == "builtin_function_or_method":
            targets.append((m.__name__ + "." + n, f))
for n in ["random", "seed", "getstate", "setstate", "getrandbits"]:
    targets.append(("Random." + n, getattr(r, n)))
for n in ["pack", "pack_into", "unpack", "unpack_from", "iter_unpack", "__sizeof__"]:
    targets.append(("Struct." + n, getattr(st, n)))
argsets = [(), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4, 5), (b"ab",), (b"ab", b"cd"), ("x",), (None,), (1.5, 2.5)]
for name, f in targets:
    out = []
    for a in argsets:
        try:
            f(*a)
            out.append("ok")
        except Exception as e:
            out.append(type(e).__name__ + ":" + str(e))
    for kw in [{"x": 1}, {"zz": 2}]:
        try:
            f(1, **kw)
            out.append("ok")
        except Exception as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(name, out)
