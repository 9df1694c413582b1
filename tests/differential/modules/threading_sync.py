# threading's primitives across real threads: deterministic results only.
import threading, queue

N = 4
counter = 0
lock = threading.Lock()
def add(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1
ts = [threading.Thread(target=add, args=(5000,)) for _ in range(N)]
for t in ts: t.start()
for t in ts: t.join()
print("counter", counter)

# A busy loop in each thread: the GIL is handed over between them.
sums = {}
def spin(k):
    s = 0
    for i in range(300000):
        s += i % 7
    sums[k] = s
ts = [threading.Thread(target=spin, args=(k,)) for k in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(sums.items()))

rl = threading.RLock()
def reenter(depth):
    with rl:
        return 1 if depth == 0 else 1 + reenter(depth - 1)
print("rlock", reenter(5))

q = queue.Queue()
out = []
def consumer():
    while True:
        item = q.get()
        if item is None:
            break
        out.append(item * 2)
        q.task_done()
c = threading.Thread(target=consumer)
c.start()
for i in range(100):
    q.put(i)
q.join()
q.put(None)
c.join()
print("queue", sum(out), len(out))

cond = threading.Condition()
ready = []
def wait_ready():
    with cond:
        cond.wait_for(lambda: ready)
        out.append("cond-woke")
t = threading.Thread(target=wait_ready); t.start()
with cond:
    ready.append(1)
    cond.notify_all()
t.join()
print(out[-1])

sem = threading.BoundedSemaphore(2)
active = []
peak = [0]
def use():
    with sem:
        with lock:
            active.append(1)
            peak[0] = max(peak[0], len(active))
        for _ in range(2000):
            pass
        with lock:
            active.pop()
ts = [threading.Thread(target=use) for _ in range(6)]
for t in ts: t.start()
for t in ts: t.join()
print("semaphore peak <= 2:", peak[0] <= 2)
try:
    sem.release()
except ValueError as e:
    print("ValueError:", e)

b = threading.Barrier(3)
ids = []
def at_barrier(k):
    ids.append(b.wait() in (0, 1, 2))
ts = [threading.Thread(target=at_barrier, args=(k,)) for k in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print("barrier", ids)

ev = threading.Event()
print("event wait timeout:", ev.wait(0.01))
t = threading.Thread(target=ev.set); t.start(); t.join()
print("event set:", ev.wait(5))

from concurrent.futures import ThreadPoolExecutor
with ThreadPoolExecutor(max_workers=3) as ex:
    print("pool", list(ex.map(lambda x: x * x, range(10))))
    fut = ex.submit(lambda: 1 / 0)
    try:
        fut.result()
    except ZeroDivisionError as e:
        print("future raised", type(e).__name__)
