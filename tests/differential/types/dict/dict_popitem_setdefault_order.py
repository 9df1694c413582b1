# popitem is LIFO, setdefault inserts at the end, pop + reinsert moves to the end
d = {}
for k in "abcde":
    d[k] = ord(k)
print(d.popitem(), d.popitem(), list(d))
d.setdefault("z", 0)
d.setdefault("a", 99)
print(list(d.items()))
d["b"] = d.pop("b")
print(list(d))
d.update(c=0, y=1)
print(list(d.items()))
while d:
    k, v = d.popitem()
    print(k, end=" ")
print()
try:
    d.popitem()
except KeyError as e:
    print("KeyError", e)
e = dict.fromkeys(range(5))
del e[2]
e[2] = "back"
print(list(e), e.popitem())
f = {1: "a"}
f[1.0] = "b"
f[True] = "c"
print(f, list(f.keys())[0], type(list(f.keys())[0]).__name__)
