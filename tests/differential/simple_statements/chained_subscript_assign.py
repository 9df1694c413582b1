# assignment through nested containers and the order of stores
class Rec(dict):
    def __setitem__(self, k, v):
        print("store", k, v)
        super().__setitem__(k, v)
r = Rec()
r["a"] = r["b"] = 1
x = r["c"] = 2
print(sorted(r.items()), x)
grid = [[0] * 3 for _ in range(3)]
grid[1][2] = 5
grid[0][:] = [7, 8, 9]
grid[2][::2] = ["a", "b"]
print(grid)
m = {}
m.setdefault("list", []).append(1)
m.setdefault("list", []).append(2)
print(m)
nested = {"a": {"b": {}}}
nested["a"]["b"]["c"] = "deep"
print(nested)
class Obj:
    pass
o = Obj()
o.child = Obj()
o.child.value = [1, 2]
o.child.value[0] += 10
print(o.child.value)
t = ([],)
t[0].append("mutating tuple element is fine")
print(t)
try:
    t[0] = []
except TypeError as e:
    print("TypeError", e)
s = "abc"
try:
    s[0] = "x"
except TypeError as e:
    print("TypeError", e)
fs = frozenset()
try:
    fs.add(1)
except AttributeError as e:
    print("AttributeError", e)
