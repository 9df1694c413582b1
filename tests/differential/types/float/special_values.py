# inf, nan and signed zero propagation
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, -nan, repr(-nan))
print(inf + inf, inf - 1e308, -inf * 2, 1 / inf, -1 / inf)
print(abs(-inf), -(-inf), inf == inf, inf > 1e308)
print(int(1e308).bit_length())
for f in (int, round):
    for v in (inf, -inf, nan):
        try:
            print(f(v))
        except (OverflowError, ValueError) as e:
            print(type(e).__name__, e)
print(0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, -0.0 * -0.0, 0.0 / -1)
print(str(-0.0), format(-0.0, ".1f"), format(-0.0, "z.1f"), "%.1f" % -0.0)
print(divmod(-0.0, 1), divmod(0.0, -1), -0.0 // 1, 0.0 % -1)
print(1e308 + 1e308, -1e308 - 1e308)
print(2.0 ** 1023 * 2 == inf)
try:
    print(2.0 ** 1024)
except OverflowError as e:
    print("OverflowError", e)
try:
    print(10 ** 400 * 1.0)
except OverflowError as e:
    print("OverflowError", e)
print(inf ** 0, nan ** 0, 1 ** nan, 1 ** inf, (-1) ** inf, 0.5 ** inf, 2 ** -inf)
print(pow(-inf, 3), pow(-inf, 2), pow(-inf, -1), pow(0.0, inf))
print(max(nan, 1), max(1, nan), min(nan, 1))
print(sum([inf, -inf]), sum([1e308, 1e308]), sum([1e100, 1.0, -1e100]))
