# __index__ in slices, __getitem__ receiving slice objects with None, negative indices
class Seq:
    def __init__(self, n):
        self.data = list(range(n))
    def __len__(self):
        return len(self.data)
    def __getitem__(self, key):
        if isinstance(key, slice):
            start, stop, step = key.indices(len(self))
            print("slice", key, "->", (start, stop, step))
            return self.data[key]
        if key < 0:
            key += len(self)
        if not 0 <= key < len(self):
            raise IndexError("Seq index out of range")
        return self.data[key]
s = Seq(10)
print(s[2:5], s[::-3], s[-2:], s[:100])
print(s[3], s[-1])
try:
    s[10]
except IndexError as e:
    print("IndexError", e)
class I:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
    def __repr__(self):
        return "I(%d)" % self.v
print(s[I(1):I(4)], [10, 20, 30][I(1):], "abcdef"[I(-2):])
try:
    [1, 2][1.5:]
except TypeError as e:
    print("TypeError", e)
print(list(reversed(s)), 5 in s, list(s)[:3])
