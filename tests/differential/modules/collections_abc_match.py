# match reads the sequence/mapping flags that collections.abc classes carry
# and that registering a class with them passes down.
import collections
import collections.abc as cabc


def kind(x):
    match x:
        case {"k": v}:
            return "map", v
        case [a, *rest]:
            return "seq", a, len(rest)
        case {}:
            return "empty-map"
        case []:
            return "empty-seq"
        case _:
            return "other"


class S(cabc.Sequence):
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
    def __len__(self): return 3

class M(cabc.Mapping):
    def __getitem__(self, k):
        if k == "k": return 7
        raise KeyError(k)
    def __iter__(self): return iter(["k"])
    def __len__(self): return 1

print(kind(S()), kind(M()), kind(collections.UserDict(k=1)), kind(collections.UserList([5])))

class LateSeq:
    def __len__(self): return 2
    def __getitem__(self, i): return "ab"[i]
class LateChild(LateSeq): pass

print(kind(LateSeq()), kind(LateChild()))
cabc.Sequence.register(LateSeq)
print(kind(LateSeq()), kind(LateChild()))

class LateMap(dict): pass
print(kind(LateMap(k=2)))

class Custom:
    def __len__(self): return 0
    def __getitem__(self, k): raise KeyError(k)
    def keys(self): return []
cabc.Mapping.register(Custom)
print(kind(Custom()))

# A str/bytes subclass stays out of sequence patterns even when registered.
class MyStr(str): pass
print(kind(MyStr("xy")))

try:
    class Bad(cabc.Collection):
        __abc_tpflags__ = 1 << 5 | 1 << 6
except TypeError as e:
    print(type(e).__name__, e)

class Flagged(cabc.Collection):
    __abc_tpflags__ = 1 << 5
    def __len__(self): return 1
    def __getitem__(self, i):
        if i: raise IndexError
        return "only"
    def __iter__(self): return iter(["only"])
    def __contains__(self, x): return x == "only"
print("__abc_tpflags__" in Flagged.__dict__, kind(Flagged()))

# multiple inheritance: the first collection base wins
class SM(S, M): pass
class MS(M, S): pass
print(kind(SM())[0], kind(MS())[0])
