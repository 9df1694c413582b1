# cmath: fixed-seed fuzz (seeded _random, bit patterns via _struct) of every
# function, rect and log with a base over ordinary and special parts
import cmath, _random, _struct
rng = _random.Random(31337)
SPECIAL = [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 1e-308, 5e-324, 1.7976931348623157e308, float("inf"), -float("inf"),
           float("nan"), 710.0, 1e154]
def rf():
    k = rng.random()
    if k < 0.25:
        return _struct.unpack("<d", _struct.pack("<Q", rng.getrandbits(64)))[0]
    if k < 0.5:
        return (rng.random() - 0.5) * 20
    if k < 0.7:
        return SPECIAL[rng.getrandbits(32) % len(SPECIAL)] * (1 if rng.random() < 0.5 else -1)
    return (rng.random() - 0.5) * 10.0 ** (rng.getrandbits(10) % 610 - 310)
def s(f, *a):
    try:
        return repr(f(*a))
    except (ValueError, OverflowError) as e:
        return type(e).__name__[:3]
FS = [cmath.acos, cmath.acosh, cmath.asin, cmath.asinh, cmath.atan, cmath.atanh, cmath.cos, cmath.cosh, cmath.exp,
      cmath.log, cmath.log10, cmath.sin, cmath.sinh, cmath.sqrt, cmath.tan, cmath.tanh, cmath.phase, cmath.polar]
for i in range(400):
    z = complex(rf(), rf())
    print(i, repr(z), " ".join(s(f, z) for f in FS[i % 3::3]), s(cmath.rect, rf(), rf()),
          s(cmath.log, z, complex(rf(), rf())), cmath.isclose(z, z * (1 + 1e-10)) if cmath.isfinite(z) else "")
