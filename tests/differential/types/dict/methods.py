# dict methods: pop, popitem, setdefault, update, copy, clear
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

d = {"a": 1, "b": 2, "c": 3}
t(lambda: d.pop("a"))
t(lambda: d.pop("a"))
t(lambda: d.pop("a", "dflt"))
t(lambda: d.popitem())
t(lambda: d)
t(lambda: d.setdefault("b", 100))
t(lambda: d.setdefault("n"))
t(lambda: d.setdefault("m", []))
t(lambda: d)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
d.update()
print(d)
t(lambda: d.update(1))
t(lambda: d.update([1]))
t(lambda: d.update({}, {}))
c = d.copy()
c["b"] = "changed"
print(d["b"], c["b"])
c.clear()
print(c, len(d))
t(lambda: {}.popitem())
t(lambda: {}.pop())
t(lambda: {}.pop(1, 2, 3))
e = {}
for i in range(5):
    e[i] = i * i
while e:
    print(e.popitem(), end=" ")
print()
class KeysOnly:
    def keys(self):
        return ["p", "q"]
    def __getitem__(self, k):
        return k.upper()
t(lambda: dict(KeysOnly()))
f = {}
f.update(KeysOnly())
print(f)
t(lambda: {1: 2} | {3: 4})
t(lambda: {1: 2} | {1: 5})
t(lambda: {1: 2} | [(3, 4)])
g = {1: 2}
g |= [(3, 4)]
print(g)
t(lambda: dict.__or__({}, 1))
t(lambda: reversed({1: 2, 3: 4}).__next__())
t(lambda: list(reversed({1: 2, 3: 4}.items())))
