# slice objects: attributes, indices(), repr, equality, custom __getitem__
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step)
print(slice(5), slice(None), slice(1, None, None), slice("a", "b", "c"))
t(lambda: slice())
t(lambda: slice(1, 2, 3, 4))
for sl in [slice(None), slice(2, None), slice(None, None, -1), slice(-3, None), slice(1, 100, 3), slice(-100, -2), slice(10, 2, -3)]:
    print(sl, sl.indices(8))
t(lambda: slice(0, 5, 0).indices(5))
t(lambda: slice(0, 5).indices(-1))
t(lambda: slice("a").indices(3))
t(lambda: slice(1, 2) == slice(1, 2))
t(lambda: slice(1, 2) < slice(1, 3))
t(lambda: hash(slice(1, 2)))
class Recorder:
    def __getitem__(self, key):
        return key
r = Recorder()
print(r[1:2], r[::3], r[1:2, 3], r[..., 1:], r[:], r[::], r[None:None])
print(r[1], r[-1], r["k"], r[1, 2], r[()])
t(lambda: "abcdef"[slice(1, 4)])
t(lambda: [1, 2, 3][slice(None, None, -1)])
t(lambda: slice(1, 2).start.__class__.__name__)
def set_attr():
    s.start = 3
t(set_attr)
