# multiprocessing's locks, semaphores, events and conditions over
# _multiprocessing.SemLock, within a process and shared with a forked child.
import multiprocessing as mp, threading, time
l = mp.Lock()
print(l.acquire(), l.acquire(False), l.acquire(timeout=0.05))
l.release()
try:
    l.release()
except ValueError as e:
    print("ValueError", e)
r = mp.RLock()
with r:
    with r:
        print(r._semlock._count(), r._semlock._is_mine())
try:
    r.release()
except AssertionError as e:
    print("AssertionError", e)
s = mp.Semaphore(2)
print(s.get_value(), s.acquire(), s.get_value(), s._semlock.kind, s._semlock.maxvalue)
b = mp.BoundedSemaphore(1)
b.acquire(); b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError", e)
def worker(q, lk):
    with lk:
        q.put(42)
q = mp.Queue()
p = mp.Process(target=worker, args=(q, l))
p.start(); print(q.get(timeout=10)); p.join(); print(p.exitcode)
e = mp.Event()
t = threading.Timer(0.05, e.set); t.start()
print(e.wait(5))
c = mp.Condition()
with c:
    print(c.wait(0.01))
import _multiprocessing
print(_multiprocessing.flags, _multiprocessing.SemLock.SEM_VALUE_MAX)
