# custom __hash__/__eq__ keys, unhashable keys, hash-equal numeric keys
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class Key:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        print("hash", self.v)
        return self.v % 3
    def __eq__(self, o):
        print("eq", self.v, getattr(o, "v", o))
        return isinstance(o, Key) and self.v == o.v
    def __repr__(self):
        return "Key(%d)" % self.v
d = {}
d[Key(1)] = "one"
d[Key(4)] = "four"
print(d[Key(4)])
t(lambda: d[Key(7)])
class NoHash:
    __hash__ = None
t(lambda: {NoHash(): 1})
class BadHash:
    def __hash__(self):
        return "x"
t(lambda: {BadHash(): 1})
class BigHash:
    def __hash__(self):
        return 2**100
t(lambda: hash(BigHash()) == hash(2**100))
class EqOnly:
    def __eq__(self, o):
        return True
t(lambda: hash(EqOnly()))
class Raises:
    def __hash__(self):
        raise RuntimeError("boom")
t(lambda: {Raises(): 1})
t(lambda: Raises() in {1: 2})
t(lambda: {1: "int", 1.0: "float"})
t(lambda: {-1: 1, -2: 2})
t(lambda: {(1, 2): 1, (2, 1): 2})
t(lambda: {frozenset([1]): 1}[frozenset([1])])
t(lambda: {float("nan"): 1}[float("nan")])
n = float("nan")
t(lambda: {n: 1}[n])
