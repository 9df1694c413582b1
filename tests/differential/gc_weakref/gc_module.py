import gc, sys
class B(list): pass
before = sys.getrefcount(B)
for i in range(10): B()
print(sys.getrefcount(B) - before)
class Node:
    def __init__(self): self.me = self
gc.collect()
log = []
gc.callbacks.append(lambda phase, info: log.append((phase, info["generation"], sorted(info))))
for i in range(5): Node()
n = gc.collect()
print(n >= 5, log)
gc.callbacks.clear()
print(gc.isenabled()); gc.disable(); print(gc.isenabled()); gc.enable()
for bad in [3, -1, "x", 1.5]:
    try: gc.collect(bad)
    except Exception as e: print(type(e).__name__, e)
try: gc.set_threshold()
except TypeError as e: print(e)
try: gc.get_objects(5)
except ValueError as e: print(e)
print(gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked("a"))
a = [1, "x"]; b = [a]
print(gc.get_referents(a), b in gc.get_referrers(a))
gc.set_debug(gc.DEBUG_SAVEALL)
x = Node(); del x
gc.collect()
print(len(gc.garbage) >= 1, type(gc.garbage[0]).__name__)
gc.set_debug(0); gc.garbage.clear()
print(gc.DEBUG_LEAK, len(gc.get_stats()), sorted(gc.get_stats()[2]))
class D:
    def __del__(self): print("del", gc.is_finalized(self))
d = D(); d.me = d; del d; gc.collect()
