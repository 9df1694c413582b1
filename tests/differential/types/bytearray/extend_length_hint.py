# bytearray.extend asks the iterable's length hint: errors there propagate.
class BadLen:
    def __iter__(self): return iter(range(10))
    def __len__(self): raise RuntimeError("len")
class BadHint:
    def __iter__(self): return iter(range(10))
    def __length_hint__(self): raise RuntimeError("hint")
class TypeErrLen:
    def __iter__(self): return iter(range(3))
    def __len__(self): raise TypeError("nope")
class NoneHint:
    def __iter__(self): return iter(range(4))
    def __length_hint__(self): return NotImplemented
for it in [BadLen(), BadHint(), TypeErrLen(), NoneHint(), iter([1, 2]), (i for i in range(3))]:
    b = bytearray(b"x")
    try:
        b.extend(it)
        print(b)
    except RuntimeError as e:
        print(type(e).__name__, e, b)
for it in [BadLen(), BadHint()]:
    try:
        [].extend(it)
    except RuntimeError as e:
        print("list", type(e).__name__, e)
