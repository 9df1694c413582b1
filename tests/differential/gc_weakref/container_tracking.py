# gc.is_tracked for dicts and tuples: containers that can hold no cycle are
# untracked (at creation for dicts, by a collection for tuples and dicts).
import gc
def t(o):
    gc.collect(); gc.collect()
    return gc.is_tracked(o)
x, y, w = 1.5, "a", []
print(gc.is_tracked({}), gc.is_tracked({1: 2}), gc.is_tracked({1: []}), gc.is_tracked(()))
print(t({x: (), y: x, (1, None): 1}), t({1: 2, (None, True, False, ()): int}), t({1: object()}))
print(t({1: []}), t({1: ([],)}), t({1: {}}), t({1: set()}))
d = dict()
print(t(d)); d[1] = "a"; print(t(d)); d[(1, object())] = 3; print(t(d))
d[4] = w; print(gc.is_tracked(d), t(d), t(d.copy()))
d[4] = None; print(t(d), t(d.copy()))
class O: pass
print(t({1: O()}), t({O: 1}), t({1: type}))
dd = dict(); d = {1: dd}; print(t(d)); dd[1] = d; print(t(d))
print(t((1, x, y)), t(tuple(obj for obj in [1, x, y])), t(tuple((o,) for o in [1, x])), t(([],)), t((x, [y])))
print(t(tuple(gc.collect() for i in range(5))))
class D(dict): pass
print(t(D()), t(D(a=1)))
o = O(); o.a = 1; print(t(o.__dict__)); o.b = O(); print(t(o.__dict__))
