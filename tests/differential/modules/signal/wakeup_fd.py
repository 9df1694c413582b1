# signal: set_wakeup_fd writes the signal number to a non-blocking fd
import os, signal

def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except BaseException as e:
        print(type(e).__name__, e)

r, w = os.pipe()
t(signal.set_wakeup_fd, w)
os.set_blocking(w, False)
os.set_blocking(r, False)
print(signal.set_wakeup_fd(w))
signal.signal(signal.SIGUSR1, lambda s, f: print("handler", s))
os.kill(os.getpid(), signal.SIGUSR1)
os.kill(os.getpid(), signal.SIGUSR1)
print(list(os.read(r, 10)))
print(signal.set_wakeup_fd(-1) == w)
os.kill(os.getpid(), signal.SIGUSR1)
try:
    os.read(r, 10)
except BlockingIOError:
    print("nothing written")
print(signal.set_wakeup_fd(w, warn_on_full_buffer=False))
print(signal.set_wakeup_fd(-1) == w)
t(signal.set_wakeup_fd, w, True)
t(signal.set_wakeup_fd, 1000)
t(signal.set_wakeup_fd, -5)
t(signal.set_wakeup_fd)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
os.close(r)
os.close(w)
