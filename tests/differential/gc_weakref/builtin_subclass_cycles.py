# Instances of subclasses of builtin containers, collected in cycles, must
# release exactly one reference to their class each.
import sys

class L(list): pass
class D(dict): pass
class S(set): pass
class T(tuple): pass
class H: pass

for cls in (L, D, S, T):
    before = sys.getrefcount(cls)
    for i in range(3000):
        h = H()
        h.b = cls()
        h.me = h
        del h
    import gc
    gc.collect()
    print(cls.__name__, sys.getrefcount(cls) - before)
    x = cls(); x.attr = 1; del x
    print(cls.__name__, sys.getrefcount(cls) - before)
print("done")
