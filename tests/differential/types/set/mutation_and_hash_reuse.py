# Set operations whose comparisons mutate the operands must not crash;
# sets built from dicts and sets reuse the stored hashes.
class Bad:
    def __init__(self, v, clear=None):
        self.v = v
        self.clear = clear
    def __hash__(self):
        return self.v % 2
    def __eq__(self, other):
        if self.clear is not None:
            self.clear.clear()
        return False
    def __repr__(self):
        return "B%d" % self.v

for op in ["ior", "update", "iand", "isub", "ixor", "union", "sym_update", "diff"]:
    s1 = {Bad(i) for i in range(8)}
    s2 = set()
    s2.update(Bad(i, s1) for i in range(8, 16))
    try:
        if op == "ior": s1 |= s2
        elif op == "update": s1.update(s2)
        elif op == "iand": s1 &= s2
        elif op == "isub": s1 -= s2
        elif op == "ixor": s1 ^= s2
        elif op == "union": s1 = s1.union(s2)
        elif op == "sym_update": s1.symmetric_difference_update(s2)
        else: s1 = s1.difference(s2)
        print(op, "ok", len(s1) <= 16)
    except RuntimeError as e:
        print(op, type(e).__name__, e)

class Counting(int):
    hashes = 0
    def __hash__(self):
        Counting.hashes += 1
        return int.__hash__(self)
d = dict.fromkeys(map(Counting, range(10)))
print(Counting.hashes)
s = set(d); print(Counting.hashes)
s.difference(d); print(Counting.hashes)
s.symmetric_difference_update(d); print(Counting.hashes, len(s))
fs = frozenset(d); print(Counting.hashes)
d2 = dict.fromkeys(set(d)); print(Counting.hashes)
d3 = dict.fromkeys(fs, 123); print(Counting.hashes, d3 == dict.fromkeys(d, 123))
s = set(range(5)); s.symmetric_difference_update(d); print(Counting.hashes, sorted(s))

class S(set): pass
class F(frozenset): pass
for cls in [S, F, set, frozenset]:
    try:
        cls(sequence=())
    except TypeError as e:
        print(cls.__name__, type(e).__name__, e)
class SI(set):
    def __init__(self, arg, newarg=None):
        super().__init__(arg)
        self.newarg = newarg
class FI(frozenset):
    def __init__(self, arg, newarg=None):
        self.newarg = newarg
print(sorted(SI([1, 2], newarg=3)), SI([1], newarg=3).newarg, sorted(FI([1, 2], newarg=4)), FI([], newarg=4).newarg)

it = iter({1, 2, 3})
print(it.__reduce__()[0] is iter, sorted(it.__reduce__()[1][0]))
next(it)
print(len(it.__reduce__()[1][0]), it.__length_hint__(), len(list(it)))
print(it.__reduce__()[1])
