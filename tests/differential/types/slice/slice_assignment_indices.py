# slice.indices against real sequences of various lengths
import sys
def check(sl, n):
    seq = list(range(n))
    start, stop, step = sl.indices(n)
    manual = [seq[i] for i in range(start, stop, step)]
    return manual == seq[sl]
cases = [slice(None), slice(1, None), slice(None, -1), slice(-3, None), slice(None, None, 2), slice(None, None, -1),
         slice(5, 1, -1), slice(-1, -5, -2), slice(100, None), slice(None, -100), slice(2, 2), slice(3, 1), slice(0, 10, 3)]
for n in [0, 1, 5, 10]:
    print(n, [check(sl, n) for sl in cases])
print(slice(None, None, -1).indices(5), slice(None, None, -1).indices(0))
print(slice(-100, 100, 7).indices(20))
print(slice(sys.maxsize, -sys.maxsize - 1, -1).indices(5))
try:
    slice(1, 2, 0).indices(10)
except ValueError as e:
    print("ValueError", e)
class Idx:
    def __index__(self):
        return 2
print(slice(Idx(), None).indices(5), "abcdef"[Idx():Idx().__index__() + 2])
print(slice(1, 2, 3).__reduce__())
print(slice(1, 2) == slice(1, 2, None), slice(1) == slice(None, 1))
