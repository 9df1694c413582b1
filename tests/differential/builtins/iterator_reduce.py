# Builtin iterators' __reduce__/__setstate__ (what pickling uses).
def show(it):
    f, args, *state = it.__reduce__()
    print(type(it).__name__, f.__name__, args, state)

for seq in [[1, 2, 3], (1, 2, 3), b"abc", bytearray(b"abc"), "abc"]:
    it = iter(seq)
    show(it)
    next(it)
    show(it)
    it.__setstate__(-4)
    show(it)
    it.__setstate__(99)
    show(it)
    print(list(it))
    show(it)

for seq in [[1, 2, 3], (1, 2, 3), "xyz"]:
    it = reversed(seq)
    show(it)
    next(it)
    show(it)
    it.__setstate__(-7)
    print(it.__length_hint__(), list(it))
    it = reversed(seq)
    it.__setstate__(10)
    print(list(it))
    show(it)

class Seq:
    def __getitem__(self, i):
        if i >= 4: raise IndexError
        return i * 10
    def __repr__(self): return "Seq()"
it = iter(Seq())
next(it)
show(it)
it.__setstate__(-3)
print(list(it))
show(it)

n = iter([1, 2, 3, 4]).__next__
it = iter(n, 3)
f, args = it.__reduce__()
print(f.__name__, args[1], list(it))
print(it.__reduce__()[1])

for bad in ["1", 1.5, 2**100]:
    try:
        iter([1]).__setstate__(bad)
    except Exception as e:
        print(type(e).__name__, e)

d = {1: "a", 2: "b", 3: "c"}
for it in [iter(d), iter(d.values()), iter(d.items()), reversed(d), reversed(d.values()), reversed(d.items())]:
    next(it)
    f, args = it.__reduce__()
    print(type(it).__name__, f.__name__, args, list(it))
    print(it.__reduce__())

class R:
    def __len__(self): return 3
    def __getitem__(self, i): return "abc"[i]
    def __del__(self): print("R freed")
it = reversed(R())
print(list(it))
print("after")
