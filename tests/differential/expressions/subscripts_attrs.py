# subscription, slicing syntax, attribute references
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class R:
    def __getitem__(self, k):
        return k
r = R()
print(r[1], r[1, 2], r[1:2], r[1:2:3], r[:, 1], r[::], r[1:2, ::3, ...])
print(r[(1, 2)], r[1,], r["a":"b"], r[:-1])
print(r[*[1, 2]] if False else "star-subscript 3.11+ only in py3.11? skip")
L = list(range(10))
print(L[2:8:2], L[-3:], L[:-7:-1], L[::-1][:3])
t(lambda: L[1, 2])
t(lambda: L[1:2, 3])
t(lambda: L["a":])
t(lambda: (1).__class__)
t(lambda: (1).nope)
t(lambda: "x".upper.__name__)
t(lambda: [].__len__())
t(lambda: type.mro(bool))
t(lambda: None.__class__)
t(lambda: ().count(1))
class Chain:
    def __init__(self):
        self.next = None
        self.v = 0
c = Chain()
c.next = Chain()
c.next.next = Chain()
c.next.next.v = 9
t(lambda: c.next.next.v)
t(lambda: c.next.next.next.v)
d = {"a": {"b": [10, {"c": "deep"}]}}
t(lambda: d["a"]["b"][1]["c"][1:3])
t(lambda: d["a"]["x"])
t(lambda: d["a"]["b"][5])
t(lambda: d["a"]["b"]["c"])
t(lambda: "abc"[1][0][0])
