# dict views with non-set operands, view equality, views after deletion
d = {"a": 1, "b": 2, "c": 3}
k = d.keys()
print(sorted(k - ["a"]), sorted(k | ("z",)), sorted(k & "abx"), sorted(k ^ {"c": 0}))
print(k == {"a", "b", "c"}, k == ["a", "b", "c"], k != {"a"}, k <= {"a", "b", "c", "d"}, k > {"a"})
i = d.items()
print(sorted(i - {("a", 1)}), sorted(i | {("z", 0)}), ("b", 2) in i, ("b", 3) in i, ["b", 2] in i)
try:
    print(("unhashable", []) in i)
except TypeError as e:
    print("TypeError", e)
del d["b"]
print(list(k), list(i), list(d.values()))
d.clear()
print(list(k), len(i), bool(k))
v1 = {1: 2}.values()
print(v1 == {1: 2}.values(), v1 == v1)
print(sorted({1: "a"}.keys() | {2: "b"}.keys()))
print(type({}.keys() | set()).__name__, type({}.keys() & []).__name__)
print(sorted({"x": 1}.items() ^ {"x": 2}.items()))
print({}.keys().isdisjoint({}.keys()), {1: 1}.keys().isdisjoint([1]))
