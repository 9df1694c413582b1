# list built by comprehensions, repetition and aliasing pitfalls
a = [[]] * 3
a[0].append(1)
print(a)
b = [[] for _ in range(3)]
b[0].append(1)
print(b)
flat = [x for row in [[1, 2], [3], []] for x in row]
print(flat)
print([x if x % 2 else -x for x in range(6)])
print([(i, j) for i in range(3) for j in range(i, 3) if (i + j) % 2 == 0])
print([c * 2 for c in "abc"][::-1])
print(list(range(0)), [i for i in []], [[] for _ in range(0)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
squares = {x: x * x for x in range(5)}
print([squares[k] for k in sorted(squares, reverse=True)])
L = [5, 3, 1]
L2 = L
L = L + [0]
print(L, L2)
L2 += [9]
print(L, L2)
m = [[0] * 2 for _ in range(2)]
m[1][1] = 5
print(m, [row[:] for row in m] == m)
print(sum([[1], [2, 3]], []), [*[1], *[2]])
