# _thread: Lock and RLock semantics, argument checks, reprs, Condition protocol helpers
import _thread
l = _thread.allocate_lock()
print(type(l).__name__, l.locked(), l.acquire(), l.locked(), l.acquire(False), l.acquire(timeout=0.01))
l.release()
try: l.release()
except RuntimeError as e: print(type(e).__name__, e)
for a in [dict(blocking=False, timeout=1), dict(timeout=-2), dict(timeout=1e20), dict(timeout=9223372036.9), dict(timeout=float("nan"))]:
    try: l.acquire(**a)
    except Exception as e: print(type(e).__name__, e)
with l: print(l.locked())
print(l.locked())
r = _thread.RLock()
print(r.acquire(), r.acquire(), r._is_owned())
print(repr(r).split(' at ')[0].replace(str(_thread.get_ident()), 'ME'))
r.release(); r.release()
try: r.release()
except RuntimeError as e: print(type(e).__name__, e)
print(repr(r).split(' at ')[0])
try: _thread.LockType()
except TypeError as e: print(e)
print(_thread.TIMEOUT_MAX, _thread.error, _thread._count(), _thread.stack_size())
s = r._release_save() if r.acquire() else None
print(s[0], r._is_owned()); r._acquire_restore(s); print(r._is_owned()); r.release()
class R(_thread.RLock): pass
print(repr(R()).split(' at ')[0])
print(isinstance(_thread.get_ident(), int))
