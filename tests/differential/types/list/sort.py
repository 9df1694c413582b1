# list.sort: stability, key, reverse, errors, mutation during sort
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

data = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1)]
print(sorted(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: p[1], reverse=True))
print(sorted(data, key=lambda p: p[0]))
print(sorted(data))
nums = [5, -3, 2, -8, 0, 7, -1]
nums.sort(key=abs)
print(nums)
nums.sort(reverse=True)
print(nums)
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
big = [(i * 7919) % 1000 for i in range(2000)]
s = sorted(big)
print(s[:5], s[-5:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
stab = sorted(range(100), key=lambda i: i % 3)
print(stab[:10], stab[33:40])
t(lambda: sorted([1, "a", 2]))
t(lambda: sorted([3, 1], key=lambda x: x.foo))
t(lambda: [3, 1].sort(lambda x: x))
t(lambda: [3, 1].sort(key=1))
t(lambda: sorted([1, 2], reverse=None))
t(lambda: sorted())
def mutate():
    L = [3, 2, 1]
    L.sort(key=lambda x: L.append(x) or x)
t(mutate)
print(sorted([3.5, 1, True, 2.0]))
print(sorted([[2, 1], [1, 9], [1, 2, 3]]))
r = [1, 2, 3]
print(r.sort(), r)
print(sorted("zyx"), sorted({3: 0, 1: 0}), sorted((2, 1)))
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return "K%d" % self.v
print(sorted([K(3), K(1), K(2)]))
t(lambda: sorted([K(1), 2]))
