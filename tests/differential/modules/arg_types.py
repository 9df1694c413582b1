# every function of math, cmath, binascii, _struct and the methods of
# _random.Random and _struct.Struct given ill-typed, huge, __index__ and
# __float__ arguments in each position: the conversion errors
import math, cmath, binascii, _struct, _random
r = _random.Random(1)
st = _struct.Struct("h")
targets = []
for m in [math, cmath, binascii, _struct]:
    for n in sorted(dir(m)):
        f = getattr(m, n)
        if callable(f) and type(f).__name__ == "builtin_function_or_method":
            targets.append((m.__name__ + "." + n, f))
for n in ["random", "seed", "getstate", "setstate", "getrandbits"]:
    targets.append(("Random." + n, getattr(r, n)))
for n in ["pack", "pack_into", "unpack", "unpack_from", "iter_unpack"]:
    targets.append(("Struct." + n, getattr(st, n)))
class Idx:
    def __index__(self): return 2
class Flt:
    def __float__(self): return 0.25
vals = ["s", None, [1], 1j, 2**80, -2**80, Idx(), Flt(), bytearray(b"ab"), memoryview(b"cd"), 0.5, -3, True, float("nan")]
for name, f in targets:
    out = []
    for arity in (1, 2, 3):
        for v in vals:
            for pos in range(arity):
                a = [1] * arity
                a[pos] = v
                try:
                    res = f(*a)
                    out.append("ok")
                except Exception as e:
                    out.append(type(e).__name__ + ":" + str(e)[:60])
    print(name, len(out))
    print(" ", out)
