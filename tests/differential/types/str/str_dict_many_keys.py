# many string keys in dicts and sets: lookups, deletions, membership (no order of sets printed)
keys = ["key%05d" % i for i in range(5000)] + ["é%d" % i for i in range(500)] + ["😀" * (i % 5 + 1) + str(i) for i in range(500)]
d = {k: i for i, k in enumerate(keys)}
print(len(d), d["key00042"], d["é7"], d["😀😀😀2"], list(d)[:3], list(d)[-2:])
for k in keys[::3]:
    del d[k]
print(len(d), "key00000" in d, "key00001" in d, sum(d.values()) % 100003)
s = set(keys)
print(len(s), "key04999" in s, "key05000" in s, len(s & set(keys[:100])), len(s - set(keys[1:])))
words = "the quick brown fox jumps over the lazy dog the end".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items()), sorted(set(words)))
prefix = {}
for k in keys[:2000]:
    prefix.setdefault(k[:6], []).append(k)
print(len(prefix), sorted(prefix)[:3], len(prefix["key000"]))
