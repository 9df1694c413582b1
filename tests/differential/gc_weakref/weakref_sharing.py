# weakref.ref/proxy sharing and list order (basic ref first, then basic
# proxy, then the rest), weakref.ref's argument checks, and the
# collector's weakref pass: callbacks of weak
# references that are garbage themselves do not run.
import weakref, gc

class C:
    def m(self):
        return "m"

o = C()
r1 = weakref.ref(o)
p1 = weakref.proxy(o)
r2 = weakref.ref(o)
p2 = weakref.proxy(o)
print(r1 is r2, p1 is p2)
cb = lambda w: None
r3 = weakref.ref(o, cb)
print(r3 is r1, weakref.getweakrefcount(o))
class MyRef(weakref.ref):
    pass
m = MyRef(o)
r4 = weakref.ref(o)
print(m is r4, r4 is r1)
refs = weakref.getweakrefs(o)
print([x is r1 for x in refs][:1], [x is p1 for x in refs][1:2], len(refs))

o2 = C()
m2 = MyRef(o2)
r5 = weakref.ref(o2)
print(weakref.getweakrefs(o2)[0] is r5, weakref.getweakrefs(o2)[1] is m2)

for args, kw in [((o,), {"callback": None}), ((), {}), ((o, None, None), {})]:
    try:
        weakref.ref(*args, **kw)
        print("ok")
    except TypeError as e:
        print("TypeError", e)
r = weakref.ref(Exception)
try:
    r.__init__(0, 0, 0, 0, 0)
except TypeError as e:
    print("TypeError", e)

print(p1.m())

# Collector: weakrefs that are garbage do not call back; reachable ones do.
log = []
def safe(w):
    log.append("safe")
class D:
    def cb(self, w):
        log.append("cb")
c, d = D(), D()
c.other, d.other = d, c
callback = c.cb
c.wr = weakref.ref(d, callback)
d.wr = weakref.ref(callback, d.cb)
external = weakref.ref(callback, safe)
del c, d, callback
gc.collect()
print(log, external() is None)

# Weak references are cleared before __del__ runs.
seen = []
class E:
    def __del__(self):
        seen.append(("del", self.w() is None))
e = E()
e.self = e
target = E()
target.self = target
e.w = weakref.ref(target)
target.w = weakref.ref(e)
del e, target
gc.collect()
print(sorted(seen))
