# dict comprehensions with duplicate keys, evaluation order of key and value, fromkeys sharing
def k(x):
    print("key", x)
    return x % 3
def v(x):
    print("value", x)
    return x
d = {k(x): v(x) for x in range(5)}
print(d)
shared = dict.fromkeys("abc", [])
shared["a"].append(1)
print(shared)
print({x: y for x, y in [("a", 1), ("a", 2)]})
print({(i, j): i * j for i in range(2) for j in range(2)})
inverted = {v: k for k, v in {"x": 1, "y": 2}.items()}
print(inverted)
try:
    {[]: 1 for _ in range(1)}
except TypeError as e:
    print("TypeError", e)
print(dict.fromkeys(range(3), 0), dict.fromkeys([]), type(dict.fromkeys("a")).__name__)
class D(dict):
    pass
print(type(D.fromkeys("ab")).__name__, D.fromkeys("ab", 1))
