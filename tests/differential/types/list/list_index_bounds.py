# list indexing and index() with negative and out-of-range bounds
L = ["a", "b", "c", "d", "e"]
for i in [-6, -5, -1, 0, 4, 5]:
    try:
        print(i, L[i])
    except IndexError as e:
        print(i, "IndexError", e)
print(L.index("c", -3), L.index("e", -1), L.index("a", -100))
for args in [("c", 3), ("c", 0, 2), ("a", 1), ("e", 0, -1), ("b", 10), ("b", -2)]:
    try:
        print(args, L.index(*args))
    except ValueError as e:
        print(args, "ValueError", e)
L2 = L[:]
L2.insert(-1, "x")
L2.insert(-100, "start")
L2.insert(100, "end")
print(L2)
try:
    L2[10] = "z"
except IndexError as e:
    print("IndexError", e)
try:
    del L2[-20]
except IndexError as e:
    print("IndexError", e)
print(L2.pop(-1), L2.pop(0), L2)
