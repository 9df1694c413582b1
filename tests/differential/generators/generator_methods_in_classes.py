# generators as methods, __iter__ implemented as a generator
class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children
    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c
    def depth_first(self, depth=0):
        yield depth, self.value
        for c in self.children:
            yield from c.depth_first(depth + 1)
t = Tree(1, Tree(2, Tree(4), Tree(5)), Tree(3, Tree(6)))
print(list(t))
print(list(t.depth_first()))
print(sum(t), max(t), 5 in t, 7 in t)
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        n = self.n
        while n > 0:
            yield n
            n -= 1
c = Countdown(3)
print(list(c), list(c))
class Pairs:
    def __init__(self, d):
        self.d = d
    def items(self):
        for k in sorted(self.d):
            yield k, self.d[k]
print(dict(Pairs({"b": 2, "a": 1}).items()))
