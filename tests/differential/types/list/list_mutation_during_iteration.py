# mutating a list while iterating over it: defined (if surprising) behaviour
L = [1, 2, 3, 4]
for x in L:
    if x == 2:
        L.remove(x)
    print("saw", x)
print(L)
L = [1, 2, 3]
out = []
for x in L:
    out.append(x)
    if len(L) < 6:
        L.append(x * 10)
print(out, L)
L = list(range(6))
for i, x in enumerate(L):
    if x % 2 == 0:
        del L[i]
print(L)
L = [1, 2, 3]
it = iter(L)
print(next(it))
L.clear()
print(list(it))
L = [1, 2, 3]
it = iter(L)
L.insert(0, 0)
print(list(it))
L = [3, 1, 2]
it = iter(L)
L.sort()
print(list(it))
L = [1, 2]
r = reversed(L)
L.append(3)
print(list(r))
