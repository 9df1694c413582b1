# subset/superset operators, equality across set/frozenset, comparison oddities
a, b, c = {1, 2}, {1, 2, 3}, {4}
print(a < b, a <= b, b > a, b >= a, a < a, a <= a)
print(a < c, c < a, a == c, a != c)
print(sorted([{3}, {1, 2}, {1}], key=len))
print(frozenset(a) == a, frozenset(a) < b, b > frozenset(a))
print(set() < {1}, set() <= set(), set() == frozenset())
print(a.issubset([1, 2, 5]), a.issuperset(range(1, 2)), a.isdisjoint(iter([3, 4])))
print({1, 2} == {2, 1}, {1, 2} == {1, 2, 2}, {1.0, 2} == {1, 2.0})
print({1} == [1], {1} != [1])
print(max([{1}, {1, 2}], key=len), min({3, 1, 2}))
print(type(frozenset() | set()).__name__, type(set() | frozenset()).__name__)
print(type(frozenset([1]).copy()).__name__, frozenset([1]).copy() == {1})
