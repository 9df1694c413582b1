# math: gamma and lgamma (CPython's own Lanczos code), erf/erfc, and the
# pole/overflow errors
import math
xs = [0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.5, 5.0, 5.5, 6.5, 10.0, 10.5, 20.0, 23.0, 24.0, 24.5, 50.3, 100.0, 140.5,
      171.0, 171.6, 171.7, 180.0, 200.5, 1e-10, 1e-20, 1e-21, 1e-310, -0.5, -1.5, -2.5, -10.5, -20.3, -100.5,
      -140.5, -170.5, -171.5, -180.5, -200.5, -201.5, -1e-21, 0.1, 0.9, 1.1, 1.9, 2.1, 7.777, 1e5, -1e5 + 0.5]
for x in xs:
    out = []
    for f in (math.gamma, math.lgamma, math.erf, math.erfc):
        try:
            out.append(repr(f(x)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(x, out)
for x in [0.0, -0.0, -1.0, -2.0, -1e10, float("inf"), -float("inf"), float("nan"), 1e300, -1e300]:
    out = []
    for f in (math.gamma, math.lgamma, math.erf, math.erfc):
        try:
            out.append(repr(f(x)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(x, out)
print([math.gamma(n) == math.factorial(n - 1) for n in range(1, 24)])
print(sum(math.lgamma(x / 7) for x in range(1, 400)))
print(sum(math.gamma(x / 13) for x in range(-300, 300) if x % 13))
