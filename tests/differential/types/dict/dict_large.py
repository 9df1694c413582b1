# larger dicts: many inserts/deletes, resizing, integer keys
d = {}
for i in range(10000):
    d[i * 7919 % 10007] = i
print(len(d), d[0], d[7919], sum(d.values()) % 100003)
for i in range(0, 10000, 3):
    del d[i * 7919 % 10007]
print(len(d), list(d)[:5], list(d)[-5:])
keys = list(d)
print(all(d[k] == keys.index(k) * 0 + d[k] for k in keys[:50]))
t = {(i, i + 1): i for i in range(1000)}
print(t[(500, 501)], len(t), (999, 1000) in t, (1000, 1001) in t)
s = {str(i): i for i in range(2000)}
print(s["1999"], len(s), sorted(s)[:3])
nested = {i: {j: i * j for j in range(10)} for i in range(10)}
print(nested[7][8], sum(sum(v.values()) for v in nested.values()))
f = {i / 2: i for i in range(10)}
print(f[2.5], f.get(2.25), list(f)[:4])
b = {}
for i in range(100):
    b[i] = i
    if i % 10 == 9:
        for j in range(i - 9, i - 4):
            del b[j]
print(len(b), list(b)[:10])
