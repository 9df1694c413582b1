# A key's __eq__ that changes the dict during a lookup: CPython restarts the
# lookup only when the table was rebuilt or the compared entry changed, so
# adding other keys (no resize) or re-adding a deleted one does not loop.

class Key:
    def __init__(self, h, name, action=None):
        self.h = h
        self.name = name
        self.action = action
        self.calls = 0

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        self.calls += 1
        if self.action is not None:
            act, self.action = self.action, None
            act()
        return isinstance(other, Key) and self.name == other.name

    def __repr__(self):
        return self.name

# The stored key's __eq__ runs (stored == probe).
d = {}
a = Key(1, "a", lambda: d.__setitem__(5, "five"))
d[a] = "A"
print(d[Key(1, "a")], a.calls, sorted(map(str, d)))

# Deleting and re-adding a different key while comparing.
d = {}
b = Key(2, "b", lambda: (d.pop(3), d.__setitem__(3, "again")))
d[b] = "B"
d[3] = "three"
print(d[Key(2, "b")], b.calls, d[3])

# A re-entrant lru_cache hit while comparing (test_functools' need_for_rlock).
import functools

@functools.lru_cache(maxsize=10)
def cached(x):
    return x

class DoubleEq:
    def __init__(self, x):
        self.x = x
    def __hash__(self):
        return self.x
    def __eq__(self, other):
        if self.x == 2:
            cached(DoubleEq(1))
        return self.x == other.x

cached(DoubleEq(1))
cached(DoubleEq(2))
print(cached(DoubleEq(2)).x, cached.cache_info())

# The compared entry itself replaced: the lookup restarts and finds the new one.
d = {}
def replace():
    del d[k1]
    d[Key(7, "k")] = "new"
k1 = Key(7, "k", replace)
d[k1] = "old"
print(d[Key(7, "k")], k1.calls)
