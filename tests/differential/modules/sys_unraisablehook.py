# sys.unraisablehook: custom hooks receive UnraisableHookArgs (from __del__ and from threads), a failing hook is reported, the default hook prints as CPython.
import sys, gc
class D:
    def __del__(self):
        raise ValueError("in del")
seen = []
def hook(u):
    seen.append((u.exc_type.__name__, str(u.exc_value), u.err_msg, type(u.object).__name__, u.exc_traceback is not None))
sys.unraisablehook = hook
D()
gc.collect()
print(seen)
print(type(sys.__unraisablehook__).__name__, hasattr(sys, "UnraisableHookArgs"))
def bad_hook(u):
    raise RuntimeError("hook failed")
sys.unraisablehook = bad_hook
D()
sys.unraisablehook = sys.__unraisablehook__
D()
import threading, _thread
sys.unraisablehook = hook
done = threading.Event()
def boom():
    try:
        raise KeyError("t")
    finally:
        done.set()
_thread.start_new_thread(boom, ())
done.wait()
import time; time.sleep(0.1)
print(seen[-1][:3])
from test.support import catch_unraisable_exception
sys.unraisablehook = sys.__unraisablehook__
with catch_unraisable_exception() as cm:
    D()
    print(type(cm.unraisable.exc_value).__name__)
try:
    sys.__unraisablehook__(1)
except TypeError as e:
    print(e)
