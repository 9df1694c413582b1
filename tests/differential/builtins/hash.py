# hash(): numeric hashes (stable across runs), custom __hash__, errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for v in [0, 1, -1, -2, 12345, 2**61 - 1, 2**61, -(2**61 - 1), 2**100, 0.0, -0.0, 0.5, 1.5, -1.5, 1e308, 1e-308, True, False, None is None, 1j, 1.5 - 2j, 3 + 0j]:
    print(repr(v), hash(v))
t(lambda: hash((1, 2.0, (3,))))
t(lambda: hash(frozenset([1, 2, 3])))
t(lambda: hash(range(0, 10, 2)) == hash(range(0, 10, 2)))
t(lambda: hash([]))
t(lambda: hash({}))
t(lambda: hash(set()))
t(lambda: hash(bytearray()))
t(lambda: hash(slice(1, 2)))
t(lambda: hash(("a", [1])))
class H:
    def __hash__(self):
        return -1
t(lambda: hash(H()))
class H2:
    def __hash__(self):
        return 2**64 + 5
t(lambda: hash(H2()))
class H3:
    def __hash__(self):
        return True
t(lambda: hash(H3()))
class H4:
    def __hash__(self):
        return 1.0
t(lambda: hash(H4()))
class IntSub(int):
    pass
class H5:
    def __hash__(self):
        return IntSub(77)
t(lambda: hash(H5()))
t(lambda: hash("abc") == hash("abc"))
t(lambda: hash(b"abc") == hash(b"abc"))
t(lambda: hash("") == 0)
t(lambda: hash(b"") == 0)
t(lambda: hash(1) == hash(1.0) == hash(1 + 0j))
t(lambda: hash(float("inf")))
t(lambda: hash(-float("inf")))
