# threading.local (native _thread._local): per-thread dicts, __init__ rerun per thread,
# dicts freed when their thread ends; threading.excepthook (_thread._excepthook).
import threading, gc, weakref, sys
l = threading.local()
l.x = 1
out = []
def f():
    out.append(hasattr(l, 'x'))
    l.x = 2
    out.append(l.x)
t = threading.Thread(target=f); t.start(); t.join()
print(out, l.x, l.__dict__)
class L(threading.local):
    def __init__(self, v):
        self.v = v
        self.inits = getattr(self, 'inits', 0) + 1
m = L(5)
def g():
    out.append((m.v, m.inits))
    m.v = 7
t = threading.Thread(target=g); t.start(); t.join()
print(out, m.v)
try:
    threading.local(1)
except TypeError as e: print(e)
try:
    l.__dict__ = {}
except AttributeError as e: print(e)
class O: pass
objs = []
def h():
    o = O(); l.o = o; objs.append(weakref.ref(o))
ts = [threading.Thread(target=h) for _ in range(5)]
for t in ts: t.start()
for t in ts: t.join()
gc.collect()
print([r() is None for r in objs])
w = weakref.ref(l); del l; gc.collect(); print(w() is None)
def bad(): raise ValueError("boom")
t = threading.Thread(target=bad, name="T1"); t.start(); t.join()
def ex(): raise SystemExit(3)
t = threading.Thread(target=ex); t.start(); t.join()
print(threading.ExceptHookArgs, threading.excepthook)
