# sets and dicts containing ints, floats, tuples, frozensets, None, bools
s = {1, 1.0, True, 2, (1, 2), frozenset({3}), None, -0.0, 0}
print(len(s), 1 in s, 0.0 in s, (1, 2) in s, frozenset([3]) in s, None in s, False in s)
print(sorted(x for x in s if isinstance(x, int) and not isinstance(x, bool)))
d = {0: "int zero"}
d[0.0] = "float zero"
d[False] = "bool zero"
d[-0.0] = "neg zero"
print(d, type(list(d)[0]).__name__)
print({1, 2} | {2.0, 3.0} == {1, 2, 3}, sorted({1, 2} | {2.0, 3.0}))
print(len({(1, (2, 3)), (1, (2, 3))}), len({frozenset({1, 2}), frozenset({2, 1})}))
print(set([1, 2, 3]) - {2.0}, {1, 2} & {True})
