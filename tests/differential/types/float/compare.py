# float comparisons against ints (exact), nan and infinities, sorting
big = 2**53
print(float(big) == big, float(big) == big + 1, float(big) < big + 1, big + 1 > float(big))
print(1e308 < 10**309, float("inf") > 10**1000, -float("inf") < -10**1000)
print(0.0 == -0.0, 0.0 < -0.0)
nan = float("nan")
print([nan == x for x in (nan, 0.0, 1)], [nan != x for x in (nan, 0.0)])
print(nan in [nan], [nan] == [nan], nan in [float("nan")])
print(sorted([3.5, -1.0, 2, 0.0, -0.0, 1e-9, True]))
print(max(1.0, 1), min(1, 1.0), max(-0.0, 0.0), min(0.0, -0.0))
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15)
print(1.0 .__eq__(1), (1.0).__lt__("a"), (2.0).__ge__(2))
try:
    print(1.0 < "a")
except TypeError as e:
    print("TypeError", e)
try:
    print(None >= 2.0)
except TypeError as e:
    print("TypeError", e)
print(float.__eq__(1.5, 1.5), float.__ne__(nan, nan))
class Num:
    def __eq__(self, other):
        return "eq called"
    def __lt__(self, other):
        return "lt called"
print(1.5 == Num(), 1.5 > Num())
print(10**20 == 1e20, 10**23 == 1e23, int(1e23))
print(-1e-320 < 0, 5e-324 > 0, 5e-324 / 2)
