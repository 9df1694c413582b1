# _queue.SimpleQueue: FIFO order, non-blocking and timed gets, Empty, threads, subclassing.
import _queue, queue, threading, time
q = _queue.SimpleQueue()
print(queue.SimpleQueue is _queue.SimpleQueue, q.empty(), q.qsize())
for i in range(3): q.put(i)
q.put_nowait('x')
print(q.qsize(), q.get(), q.get_nowait(), q.get(block=False), q.get(timeout=1))
try: q.get_nowait()
except _queue.Empty as e: print("empty", type(e).__module__, queue.Empty is _queue.Empty)
t0 = time.monotonic()
try: q.get(timeout=0.05)
except queue.Empty: print("timed out", time.monotonic() - t0 >= 0.04)
try: q.get(timeout=-1)
except ValueError as e: print(e)
def producer():
    for i in range(100): q.put(i)
res = []
def consumer():
    for i in range(100): res.append(q.get())
c = threading.Thread(target=consumer); c.start()
p = threading.Thread(target=producer); p.start()
p.join(); c.join()
print(res == list(range(100)))
print(_queue.SimpleQueue[int])
try: _queue.SimpleQueue(1)
except TypeError as e: print(e)
class Sub(_queue.SimpleQueue): pass
s = Sub(); s.put(1); print(s.get())
import weakref; print(weakref.ref(q)() is q)
