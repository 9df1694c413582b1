# set algebra: operators and methods, subset tests, errors
def t(f):
    try:
        r = f()
        if isinstance(r, (set, frozenset)):
            print(type(r).__name__, sorted(r))
        else:
            print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)

a, b = {1, 2, 3, 4}, {3, 4, 5}
t(lambda: a | b)
t(lambda: a & b)
t(lambda: a - b)
t(lambda: a ^ b)
t(lambda: a.union([9], (10,)))
t(lambda: a.intersection(range(3), [2]))
t(lambda: a.difference([1], [2]))
t(lambda: a.symmetric_difference([1, 9]))
t(lambda: a | [5])
t(lambda: a.union(5))
t(lambda: frozenset(a) | b)
t(lambda: b | frozenset(a))
t(lambda: a <= a, )
t(lambda: (a <= a, a < a, {3} < a, a > {1}, a >= b))
t(lambda: (a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint([7])))
t(lambda: a < [1])
t(lambda: a.issubset(5))
c = set(a)
c |= {7}
c &= {1, 2, 7, 8}
c -= {1}
c ^= {9, 2}
print(sorted(c))
c.update([20], [21])
c.intersection_update([20, 21, 7, 9])
c.difference_update([21])
c.symmetric_difference_update([9, 30])
print(sorted(c))
def ior_list():
    x = {1}
    x |= [2]
t(ior_list)
t(lambda: set() == frozenset())
t(lambda: {1, 2} == {2, 1})
t(lambda: {frozenset({1, 2}), frozenset({2, 1})})
t(lambda: len({frozenset({1, 2}), frozenset({2, 1})}))
