# int comparisons with floats/bools, hashes of ints
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(1 == 1.0, 1 == True, 2**53 + 1 == float(2**53 + 1), 2**53 + 1 > float(2**53))
print(10**400 > float("inf"), -10**400 < float("-inf"), 10**400 == float("inf"))
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1 != 2)
nan = float("nan")
print(1 < nan, 1 > nan, 1 == nan, 1 != nan)
for n in [0, 1, -1, -2, 2**61 - 2, 2**61 - 1, 2**61, 2**64, -(2**61), 10**30, -(10**30)]:
    print(n, hash(n))
print(hash(1) == hash(1.0) == hash(True))
print(hash(2**70) == hash(float(2**70)))
t(lambda: 1 < "a")
t(lambda: 1 <= None)
t(lambda: [] > 1)
print(1 == "1", 1 != "1")
print(max(3, 3.0), min(3.0, 3), sorted([3, 1.5, True, -2]))
print((5).__eq__("x"), (5).__lt__(6), (5).__lt__(6.0))
print(int.__hash__(7), (5).__hash__() == hash(5))
