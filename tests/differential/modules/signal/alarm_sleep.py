# signal: alarm/setitimer interrupt time.sleep (PEP 475): a handler that
# returns lets the sleep go on to its deadline, one that raises ends it
import signal, time

fired = []
def note(sig, frame):
    fired.append(sig)
signal.signal(signal.SIGALRM, note)
start = time.monotonic()
signal.setitimer(signal.ITIMER_REAL, 0.05)
time.sleep(0.2)
elapsed = time.monotonic() - start
print(fired, elapsed >= 0.2)

def boom(sig, frame):
    raise RuntimeError("alarm fired")
signal.signal(signal.SIGALRM, boom)
print(signal.alarm(1))
start = time.monotonic()
try:
    time.sleep(30)
    print("slept fully")
except RuntimeError as e:
    print("caught", e, time.monotonic() - start < 10)
print(signal.alarm(0))

# An alarm that is cancelled never fires.
print(signal.alarm(5))
print(signal.alarm(0) in (4, 5))
time.sleep(0.01)

# A busy loop is interrupted too.
signal.setitimer(signal.ITIMER_REAL, 0.02)
n = 0
try:
    while True:
        n += 1
except RuntimeError as e:
    print("loop interrupted:", e, n > 0)

# signal.pause returns after a handled signal.
signal.signal(signal.SIGALRM, note)
fired.clear()
signal.setitimer(signal.ITIMER_REAL, 0.02)
signal.pause()
print("pause returned", fired)
signal.signal(signal.SIGALRM, signal.SIG_DFL)
