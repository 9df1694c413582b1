# min/max return the first of equal elements; sorted is stable with key and reverse
data = [(1, "a"), (0, "b"), (1, "c"), (0, "d")]
print(max(data, key=lambda p: p[0]), min(data, key=lambda p: p[0]))
print(sorted(data, key=lambda p: p[0]), sorted(data, key=lambda p: p[0], reverse=True))
class V:
    def __init__(self, v, tag):
        self.v, self.tag = v, tag
    def __lt__(self, o):
        return self.v < o.v
    def __gt__(self, o):
        return self.v > o.v
    def __repr__(self):
        return self.tag
vals = [V(1, "x"), V(2, "y"), V(2, "z"), V(1, "w")]
print(max(vals), min(vals), sorted(vals), sorted(vals, reverse=True))
print(max("abc", "abd", key=len), min([], default=None), max([[]], key=len))
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words, key=len), max(words, key=len), min(words, key=len))
print(sorted(words, key=lambda w: (-len(w), w)))
