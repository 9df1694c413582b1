# dict ordering guarantees: insertion order, deletion and reinsertion, update order
d = {}
for k in [5, 3, 9, 1]:
    d[k] = str(k)
print(list(d), list(d.values()))
del d[3]
d[3] = "again"
print(list(d))
d[5] = "updated in place"
print(list(d.items())[0])
d.update({1: "one", 7: "seven"})
print(list(d))
print(list({**{"z": 1}, **{"a": 2}, "m": 3}))
print(list(dict.fromkeys("hello")))
print(list(dict(zip("cab", range(3)))))
d2 = {"x": 1, "y": 2}
d3 = {"y": 2, "x": 1}
print(d2 == d3, list(d2) == list(d3))
print(list(reversed(d)))
s = {i: i for i in range(20)}
for i in range(0, 20, 2):
    del s[i]
for i in range(0, 20, 4):
    s[i] = "back"
print(list(s))
print(list({1: 0, 1.0: 1, True: 2}.items()))
print(list(d.copy()) == list(d))
