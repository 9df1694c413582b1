# larger list operations: insert/pop at front, slicing large lists, count/index
L = []
for i in range(2000):
    L.insert(0, i)
print(L[:3], L[-3:], len(L))
for _ in range(500):
    L.pop(0)
print(L[:3], len(L))
M = L[::7]
print(len(M), M[:3], M[-1])
L[100:1000] = []
print(len(L), L[98:102])
L.extend(range(5000))
print(len(L), L.count(0), L.index(4999))
L.sort()
print(L[:5], L[-5:])
L.reverse()
print(L[:3])
big = [i % 10 for i in range(100000)]
print(big.count(3), sum(big), max(big), min(big), len(set(big)))
nested = [[i] * i for i in range(50)]
print(sum(len(x) for x in nested), nested[5])
print([0] * 3 + [1] * 2, [1, 2] * 0, len([None] * 10000))
