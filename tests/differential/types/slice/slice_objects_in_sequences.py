# applying the same slice object to different sequence types
sl = slice(1, None, 2)
seqs = ["abcdef", b"abcdef", bytearray(b"abcdef"), [0, 1, 2, 3, 4, 5], (0, 1, 2, 3, 4, 5), range(6), memoryview(b"abcdef")]
for s in seqs:
    r = s[sl]
    print(type(s).__name__, type(r).__name__, bytes(r) if isinstance(r, memoryview) else r)
rev = slice(None, None, -1)
print("abc"[rev], [1, 2][rev], range(3)[rev], b"xy"[rev])
empty = slice(3, 1)
print(repr("abcdef"[empty]), [1, 2, 3, 4][empty], range(10)[empty])
L = list(range(8))
L[sl] = ["x"] * len(L[sl])
print(L)
del L[slice(None, 2)]
print(L)
print(slice(1, 5, 2) == slice(1, 5, 2), slice(1, 5) != slice(1, 6), slice(None).step is None)
