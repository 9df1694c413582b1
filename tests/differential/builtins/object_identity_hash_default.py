# default hash of objects is stable per object and consistent with equality
class P:
    pass
a, b = P(), P()
print(hash(a) == hash(a), hash(a) == a.__hash__(), type(hash(a)).__name__)
print(hash(a) != hash(b) or "collision (unlikely)")
print({a: 1, b: 2}[a], len({a, b, a}))
s = set()
for _ in range(3):
    s.add(a)
print(len(s))
class WithEq(P):
    def __eq__(self, o):
        return isinstance(o, P)
    __hash__ = P.__hash__
print(WithEq() == a, len({WithEq(), WithEq()}))
print(hash(P) == hash(P), hash(len) == hash(len), hash(None) == hash(None))
print(object.__hash__(a) == hash(a))
