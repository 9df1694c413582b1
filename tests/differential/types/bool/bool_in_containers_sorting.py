# bools as keys, in sets, sorted with ints, counted and summed
vals = [True, False, 1, 0, 1.0, 0.0, 2]
print(sorted(vals), sorted(vals, reverse=True), max(vals), min(vals))
print({v: type(v).__name__ for v in vals})
print(set(vals), len(set(vals)))
print(vals.count(True), vals.count(False), vals.index(True), vals.index(0.0))
print(sum([True] * 10), sum(x > 2 for x in range(10)))
print([True, False] * 2, (True,) + (False,))
print(sorted([(True, "b"), (False, "z"), (True, "a")]))
print(list(filter(bool, [0, 1, "", "x", None, [], [0]])))
print(True in {1}, 1 in {True}, {True: 1}.get(1), {1: "one"}.get(True))
print(str([True, None, False]), repr((True,)), f"{False!r}")
