# The native _statistics._normal_dist_inv_cdf (NormalDist.inv_cdf): the same
# bits as CPython's over all three ranges of AS241, and its argument checks.
import _statistics
from statistics import NormalDist

ps = [i / 997 for i in range(1, 997)] + [1e-300, 1e-20, 0.02425, 0.075, 0.925, 0.975, 1 - 1e-16, 5e-324, 1e-320]
print(sum(hash(_statistics._normal_dist_inv_cdf(p, 1.5, 2.25)) for p in ps))
print(NormalDist(100, 15).inv_cdf(0.975), NormalDist().inv_cdf(0.5))

for args in [(0.0, 0, 1), (1.0, 0, 1), (float('nan'), 0, 1), (-1.0, 0, 1), (0.5, 0, 0),
             (0.5, 0, float('inf')), (0.9, float('inf'), 1), ('a', 0, 1), (0.5, 0), (0.5, 0, 1, 2)]:
    try:
        print(_statistics._normal_dist_inv_cdf(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    _statistics._normal_dist_inv_cdf(p=0.5, mu=0, sigma=1)
except TypeError as e:
    print(type(e).__name__, e)
f = _statistics._normal_dist_inv_cdf
print(f.__module__, f.__doc__, f.__text_signature__)
