# list mutating methods and their errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

L = [3, 1, 4]
L.append(1)
L.extend([5, 9])
L.extend("ab")
L.extend(range(2))
L.insert(0, "first")
L.insert(-1, "neg")
L.insert(100, "end")
L.insert(-100, "start")
print(L)
print(L.pop(), L.pop(0), L.pop(-2), L)
L.remove(1)
print(L, L.index(4), L.count(1), L.index(1, 3))
t(lambda: L.index(99))
t(lambda: L.remove(99))
t(lambda: [].pop())
t(lambda: L.pop(50))
t(lambda: L.pop("0"))
t(lambda: L.insert("x", 1))
t(lambda: L.extend(5))
L.reverse()
print(L)
C = L.copy()
L.clear()
print(L, C, C is not L)
t(lambda: [1, 2].index(2, -1))
t(lambda: [1, 2, 1].index(1, 1, 2))
t(lambda: [1, 2, 1].count([1]))
t(lambda: L.append())
t(lambda: L.append(1, 2))
x = [1, 2]
x.extend(x)
print(x)
y = [0]
y += "xy"
y *= 2
print(y)
t(lambda: [1] + (2,))
def iadd():
    z = [1]
    z += 5
t(iadd)
t(lambda: [1, 2] * 0)
t(lambda: [[]] * 3)
