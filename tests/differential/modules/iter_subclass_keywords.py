# Keyword arguments to subclasses of itertools types and of filter/map/
# reversed: rejected when the subclass keeps the base __init__, accepted
# (for __init__ to take) when it overrides __init__, as CPython's clinic.
import itertools, operator

def is_even(x):
    return x % 2 == 0

cases = [
    (filter, (None, [0, 1])),
    (map, (str, [1, 2])),
    (reversed, ("ab",)),
    (itertools.filterfalse, (None, [0, 1])),
    (itertools.chain, ([1, 2], [3, 4])),
    (itertools.starmap, (operator.pow, ((2, 3), (3, 2)))),
    (itertools.islice, ([1, 2, 3, 4], 1, 3)),
    (itertools.takewhile, (is_even, [2, 3, 4])),
    (itertools.dropwhile, (is_even, [2, 3, 4])),
    (itertools.cycle, ([1, 2],)),
]
for cls, args in cases:
    class plain(cls):
        pass
    try:
        plain(*args, newarg=3)
        print(cls.__name__, "plain accepted")
    except TypeError as e:
        print(cls.__name__, "plain", e)

    class with_init(cls):
        def __init__(self, *args, newarg=None):
            self.newarg = newarg
    u = with_init(*args, newarg=3)
    print(cls.__name__, "init", type(u).__name__, list(itertools.islice(u, 0, 3)), u.newarg)

    try:
        cls(*args, newarg=3)
    except TypeError as e:
        print(cls.__name__, "exact", e)
