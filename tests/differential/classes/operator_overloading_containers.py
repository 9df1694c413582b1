# a custom mapping and sequence class with full operator support
class Bag:
    def __init__(self, items=()):
        self.counts = {}
        for it in items:
            self.add(it)
    def add(self, item, n=1):
        self.counts[item] = self.counts.get(item, 0) + n
        if self.counts[item] <= 0:
            del self.counts[item]
    def __len__(self):
        return sum(self.counts.values())
    def __contains__(self, item):
        return item in self.counts
    def __iter__(self):
        for k in sorted(self.counts):
            for _ in range(self.counts[k]):
                yield k
    def __getitem__(self, item):
        return self.counts.get(item, 0)
    def __add__(self, other):
        b = Bag(self)
        for k in other:
            b.add(k)
        return b
    def __sub__(self, other):
        b = Bag(self)
        for k in other:
            if k in b:
                b.add(k, -1)
        return b
    def __eq__(self, other):
        return isinstance(other, Bag) and self.counts == other.counts
    def __repr__(self):
        return "Bag(%s)" % "".join(map(str, self))
a = Bag("abracadabra")
b = Bag("alakazam")
print(a, len(a), a["a"], a["z"], "c" in a, "z" in a)
print(a + b, a - b, b - a, a + Bag() == a, Bag("ab") == Bag("ba"))
print(list(a)[:5], sorted(set(a)), max(a), min(b))
print(Bag(x % 3 for x in range(10)))
