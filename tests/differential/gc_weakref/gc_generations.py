# The collector's three generations: new containers start in generation 0,
# survivors of a collection of generation g move to g + 1, and
# gc.collect(g) / gc.get_count() / gc.get_stats() follow CPython's scheme.
import gc

def gen_of(o):
    for g in range(3):
        if any(x is o for x in gc.get_objects(g)):
            return g
    return None

gc.collect()
gc.disable()
x = [1, 2]
print("new", gen_of(x))
gc.collect(0)
print("after collect(0)", gen_of(x))
gc.collect(1)
print("after collect(1)", gen_of(x))
gc.collect(0)
print("collect(0) keeps old", gen_of(x))
gc.collect()
print("after full", gen_of(x))

# Young cycles are found by a young collection.
class Node:
    def __init__(self):
        self.me = self
gc.collect()
for i in range(7):
    Node()
print("young garbage", gc.collect(0) >= 7)

# Counts: a generation-0 collection bumps generation 1's count.
gc.collect()
c0 = gc.get_count()
gc.collect(0)
gc.collect(0)
c2 = gc.get_count()
print("gen1 count grows by", c2[1] - c0[1], "gen0 reset", c2[0] < 5)
gc.collect(1)
print("gen2 count after collect(1)", gc.get_count()[2] >= 1)

stats_before = [s["collections"] for s in gc.get_stats()]
gc.collect(0); gc.collect(1); gc.collect(2)
stats_after = [s["collections"] for s in gc.get_stats()]
print("stats", [a - b for a, b in zip(stats_after, stats_before)])

# An old object referring to a young cycle keeps it alive.
holder = []
gc.collect()
n = Node()
holder.append(n)
del n
gc.collect(0)
print("kept by old", holder[0].me is holder[0])

# A weakref callback that collects while its referent is being freed.
import weakref
class WithDel:
    def __del__(self):
        pass
log = []
w = WithDel()
r = weakref.ref(w, lambda ref: log.append(gc.collect()))
del w
print("callback ran", len(log), r() is None)

# Callbacks see the generation being collected.
seen = []
gc.callbacks.append(lambda phase, info: seen.append((phase, info["generation"])))
gc.collect(1)
gc.callbacks.clear()
print(seen)
gc.enable()
