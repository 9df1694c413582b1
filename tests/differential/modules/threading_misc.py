# threading: names, identities, join timeouts, locals, excepthook, shutdown.
import threading, time, sys

print(threading.current_thread() is threading.main_thread())
print(threading.current_thread().name, threading.active_count())
t = threading.Thread(target=lambda: None, name="worker-1")
print(t.name, t.is_alive(), t.ident)
t.start(); t.join()
print(t.is_alive(), isinstance(t.ident, int), t.native_id != threading.get_native_id())
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)

stop = threading.Event()
slow = threading.Thread(target=stop.wait, daemon=True)
slow.start()
slow.join(0.01)
print("still alive after timeout:", slow.is_alive(), slow.daemon)
print("enumerate has it:", slow in threading.enumerate())
stop.set(); slow.join()

loc = threading.local()
loc.v = "main"
seen = []
def show():
    seen.append(getattr(loc, "v", "unset"))
    loc.v = "thread"
    seen.append(loc.v)
t = threading.Thread(target=show); t.start(); t.join()
print(seen, loc.v)

caught = []
old = threading.excepthook
threading.excepthook = lambda args: caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
t = threading.Thread(target=lambda: 1 / 0, name="bad"); t.start(); t.join()
threading.excepthook = old
print(caught)

fired = []
tm = threading.Timer(0.01, fired.append, args=("timer",)); tm.start(); tm.join()
print(fired)
tm = threading.Timer(60, fired.append, args=("never",)); tm.start(); tm.cancel(); tm.join()
print(fired)

class Sub(threading.Thread):
    def run(self):
        self.result = sum(range(10))
s = Sub(); s.start(); s.join(); print("subclass", s.result)

print(threading.get_ident() == threading.main_thread().ident)
print(threading.TIMEOUT_MAX > 0, threading.stack_size())

# A non-daemon thread still running when the main code ends: the interpreter waits.
def late():
    time.sleep(0.05)
    print("late thread done", flush=True)
threading.Thread(target=late).start()
# A daemon blocked forever does not stop the exit.
threading.Thread(target=threading.Event().wait, daemon=True).start()
print("main done")
# The default excepthook writes a traceback ending with the exception.
t = threading.Thread(target=lambda: int("x"), name="last"); t.start(); t.join()
