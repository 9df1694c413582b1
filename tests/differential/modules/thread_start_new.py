# _thread.start_new_thread: real threads, argument checks, identities, _count.
import _thread, time

done = _thread.allocate_lock()
done.acquire()
results = []

def worker(a, b, *, c=0):
    results.append((a + b + c, _thread.get_ident() != main_ident))
    done.release()

main_ident = _thread.get_ident()
tid = _thread.start_new_thread(worker, (1, 2), {"c": 3})
print(type(tid).__name__, tid != main_ident)
done.acquire()
print(results)

for bad in [(), (worker,), (1, ()), (worker, [1]), (worker, (), []), (worker, (), {}, 4)]:
    try:
        _thread.start_new_thread(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    _thread.start_new_thread(worker, (), x=1)
except TypeError as e:
    print("TypeError:", e)

# _count sees running threads.
gate = _thread.allocate_lock(); gate.acquire()
left = _thread.allocate_lock(); left.acquire()
def blocked():
    gate.acquire()
    left.release()
before = _thread._count()
_thread.start_new_thread(blocked, ())
while _thread._count() == before:
    time.sleep(0.001)
print("count grew by", _thread._count() - before)
gate.release()
left.acquire()
while _thread._count() != before:
    time.sleep(0.001)
print("count back")

# SystemExit ends a thread quietly; _thread.exit raises it.
fin = _thread.allocate_lock(); fin.acquire()
def quits():
    try:
        _thread.exit()
    finally:
        fin.release()
_thread.start_new_thread(quits, ())
fin.acquire()
print("exit ok")

# The sentinel lock is released when the thread is gone.
holder = []
got = _thread.allocate_lock(); got.acquire()
def with_sentinel():
    holder.append(_thread._set_sentinel())
    got.release()
_thread.start_new_thread(with_sentinel, ())
got.acquire()
print("sentinel released:", holder[0].acquire(timeout=10))
print(_thread.stack_size(), _thread.TIMEOUT_MAX > 1e9)
try:
    _thread.stack_size(100)
except ValueError as e:
    print("ValueError:", e)
