# unary operators and conversion special methods
class U:
    def __neg__(self): return "neg"
    def __pos__(self): return "pos"
    def __invert__(self): return "invert"
    def __abs__(self): return "abs"
    def __int__(self): return 42
    def __float__(self): return 4.5
    def __complex__(self): return 1j
    def __index__(self): return 7
    def __bool__(self): return False
    def __str__(self): return "str!"
    def __repr__(self): return "repr!"
    def __bytes__(self): return b"bytes!"
    def __format__(self, spec): return "format:" + spec
    def __round__(self, n=None): return ("round", n)
    def __trunc__(self): return "trunc"
    def __floor__(self): return "floor"
    def __ceil__(self): return "ceil"
    def __len__(self): return 3
    def __hash__(self): return 99
u = U()
print(-u, +u, ~u, abs(u))
print(int(u), float(u), complex(u), bool(u), not u)
print(str(u), repr(u), bytes(u), format(u, "spec"), f"{u:x}", f"{u!r}", f"{u!s}")
print(round(u), round(u, 2), hash(u), len(u))
print([1, 2, 3, 4, 5, 6, 7, 8][u], "abcdefghij"[u], bin(u), hex(u), oct(u), range(u))
print(list(range(10))[u:], "x" * u)
class IndexOnly:
    def __index__(self):
        return 3
print(int(IndexOnly()), float(IndexOnly()), complex(IndexOnly()))
class IntOnly:
    def __int__(self):
        return 3
try:
    [1, 2, 3, 4][IntOnly()]
except TypeError as e:
    print("TypeError", e)
try:
    "x" * IntOnly()
except TypeError as e:
    print("TypeError", e)
class BadIndex:
    def __index__(self):
        return 1.5
try:
    [1][BadIndex()]
except TypeError as e:
    print("TypeError", e)
