# math: fixed-seed fuzz (seeded _random, bit patterns via _struct) of the
# float functions, two-argument functions, sums/norms and int functions
import math, _random, _struct
rng = _random.Random(20240611)
SPECIAL = [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 1e-308, 5e-324, 1.7976931348623157e308, float("inf"), -float("inf"), float("nan")]
def rf():
    k = rng.random()
    if k < 0.3:
        return _struct.unpack("<d", _struct.pack("<Q", rng.getrandbits(64)))[0]
    if k < 0.6:
        return (rng.random() - 0.5) * 2000
    if k < 0.8:
        return SPECIAL[rng.getrandbits(32) % len(SPECIAL)] * (1 if rng.random() < 0.5 else -1)
    return (rng.random() - 0.5) * 10.0 ** (rng.getrandbits(10) % 610 - 310)
def s(f, *a):
    try:
        return repr(f(*a))
    except (ValueError, OverflowError, ZeroDivisionError) as e:
        return type(e).__name__[:3] + ":" + str(e)
UN = [math.acos, math.acosh, math.asin, math.asinh, math.atan, math.atanh, math.cbrt, math.cos, math.cosh, math.exp,
      math.exp2, math.expm1, math.fabs, math.log1p, math.sin, math.sinh, math.sqrt, math.tan, math.tanh, math.erf,
      math.erfc, math.gamma, math.lgamma, math.log, math.log2, math.log10, math.frexp, math.modf, math.ulp,
      math.ceil, math.floor, math.trunc, math.degrees, math.radians]
BI = [math.atan2, math.copysign, math.fmod, math.remainder, math.pow, math.nextafter, math.hypot, math.log]
for i in range(400):
    x = rf()
    print(i, repr(x), " ".join(s(f, x) for f in UN[i % 5::5]))
for i in range(300):
    x, y = rf(), rf()
    print("b", repr(x), repr(y), " ".join(s(f, x, y) for f in BI), s(math.ldexp, x, rng.getrandbits(12) - 2100))
for i in range(100):
    xs = [rf() if rng.random() < 0.3 else (rng.random() - 0.5) * 1e6 for _ in range(rng.getrandbits(5))]
    print("fs", s(math.fsum, xs), s(math.hypot, *xs), s(math.dist, xs, xs[::-1]), s(math.prod, xs))
for i in range(150):
    a = rng.getrandbits(1 + rng.getrandbits(8)) * (1 if rng.random() < 0.5 else -1)
    b = rng.getrandbits(1 + rng.getrandbits(6))
    print("i", s(math.gcd, a, b), s(math.lcm, a, b), s(math.isqrt, abs(a)), s(math.log, a), s(math.log2, a),
          s(math.log10, a), s(math.log, a, b), s(math.comb, b % 300, a % 300), s(math.perm, b % 120, a % 130))
