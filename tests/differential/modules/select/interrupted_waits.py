# select: waits interrupted by signals (PEP 475): handlers run, the wait
# goes on with the time left; an exception from a handler ends the wait
import os, select, signal, time

r, w = os.pipe()
ticks = []
signal.signal(signal.SIGALRM, lambda s, f: ticks.append(s))

def waits():
    p = select.poll()
    p.register(r, select.POLLIN)
    ep = select.epoll()
    ep.register(r, select.EPOLLIN)
    return [
        ("select", lambda t: select.select([r], [], [], t)),
        ("poll", lambda t: p.poll(t * 1000)),
        ("epoll", lambda t: ep.poll(t)),
    ]

for name, wait in waits():
    ticks.clear()
    signal.setitimer(signal.ITIMER_REAL, 0.02)
    start = time.monotonic()
    result = wait(0.15)
    elapsed = time.monotonic() - start
    print(name, result in (([], [], []), []), ticks, elapsed >= 0.14)

def boom(sig, frame):
    raise OverflowError("handler raised")
signal.signal(signal.SIGALRM, boom)
for name, wait in waits():
    signal.setitimer(signal.ITIMER_REAL, 0.02)
    try:
        wait(10)
        print(name, "not interrupted")
    except OverflowError as e:
        print(name, "interrupted:", e)

# data arriving from the handler ends the wait with the fd ready
def feed(sig, frame):
    os.write(w, b"!")
signal.signal(signal.SIGALRM, feed)
for name, wait in waits():
    signal.setitimer(signal.ITIMER_REAL, 0.02)
    res = wait(10)
    print(name, res == ([r], [], []) or res == [(r, 1)])
    os.read(r, 1)
signal.signal(signal.SIGALRM, signal.SIG_DFL)
os.close(r)
os.close(w)
