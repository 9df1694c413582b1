# range in loops and slicing-like uses; equality semantics of ranges as sequences
print([i for i in range(10, 0, -3)], [i * i for i in range(1, 6)])
for start, stop, step in [(0, 10, 2), (10, 0, -2), (5, 5, 1), (-5, 5, 3), (0, 1, 10)]:
    r = range(start, stop, step)
    print((start, stop, step), len(r), list(r), r[0] if r else None, r[-1] if r else None, list(reversed(r)))
print(range(0, 10, 3) == range(0, 11, 3), range(0, 10, 3) == range(0, 12, 3))
print(range(1, 1) == range(5, 2), range(0, 1, 5) == range(0, 1, 7))
print(sum(range(0, 101, 5)), max(range(7, 70, 7)), min(range(-3, 3)), sorted(range(3), reverse=True))
print(dict(zip(range(3), "abc")), set(range(3)) == {0, 1, 2}, tuple(range(2)))
print([x for x in range(20) if x in range(5, 15, 4)])
print(range(3).__reversed__().__class__.__name__, iter(range(3)).__class__.__name__)
r = range(5)
it1, it2 = iter(r), iter(r)
print(next(it1), next(it1), next(it2), list(it1), list(it2))
print(r.count(3), r.count(3.0), r.count("3"), r.index(4))
matrix = [[r * c for c in range(4)] for r in range(3)]
print(matrix)
for i in range(3):
    for j in range(i):
        print(i, j, end="; ")
print()
print(list(range(0)), list(range(-1)), list(range(1, 0)), list(range(0, -3, -1)))
print(len(range(0, 100, 7)), range(0, 100, 7)[-1], range(0, 100, 7).index(98))
print(bool(range(0)), bool(range(1)), range(3) != [0, 1, 2], list(range(3)) == [0, 1, 2])
