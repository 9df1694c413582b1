# sets with many ints, frozenset as dict keys and elements
s = set(range(0, 10000, 3))
s2 = set(range(0, 10000, 5))
print(len(s), len(s2), len(s & s2), len(s | s2), len(s - s2), len(s ^ s2))
print(sorted(s & s2)[:5], max(s | s2), min(s - s2))
for i in range(0, 10000, 6):
    s.discard(i)
print(len(s), sorted(s)[:5])
fs = frozenset([1, 2])
d = {fs: "a", frozenset([2, 1]): "b"}
print(len(d), d[frozenset({1, 2})])
nested = {frozenset({1}), frozenset({1, 2}), frozenset()}
print(sorted(sorted(x) for x in nested))
print(frozenset({1, 2}) in nested, {1, 2} in nested)
print(hash(frozenset({1, 2, 3})) == hash(frozenset({3, 2, 1})))
power = [frozenset()]
for x in [1, 2, 3]:
    power += [p | {x} for p in power]
print(len(power), sorted(len(p) for p in power))
print(sorted(sorted(p) for p in power if sum(p) == 3))
e = set()
e |= set(range(5))
e -= {0}
e &= {1, 2, 3, 9}
e ^= {3, 4}
print(sorted(e))
print({x % 7 for x in range(100)} == set(range(7)))
