# Threads sharing buffered objects: each write and read is atomic with
# respect to the others; re-entering an object from itself is an error.
import io, threading, os, signal

N = 300
raw = io.BytesIO()
w = io.BufferedWriter(raw, 16)
def writer(c):
    for _ in range(N):
        w.write(bytes([c]) * 5)
ts = [threading.Thread(target=writer, args=(c,)) for c in range(65, 75)]
for t in ts: t.start()
for t in ts: t.join()
w.flush()
data = raw.getvalue()
print(len(data), all(data.count(bytes([c])) == 5 * N for c in range(65, 75)))

r = io.BufferedReader(io.BytesIO(b"".join(bytes([i % 256]) * 7 for i in range(2000))), 13)
out = []
def reader():
    while True:
        s = r.read(7)
        if not s:
            break
        out.append(s)
ts = [threading.Thread(target=reader) for _ in range(6)]
for t in ts: t.start()
for t in ts: t.join()
print(len(out), all(len(set(s)) == 1 and len(s) == 7 for s in out))

# Re-entrance from a signal handler.
rd, wr = os.pipe()
f = open(wr, "wb", closefd=True)
def handler(*a):
    try:
        f.write(b"y")
    except RuntimeError as e:
        print("RuntimeError", str(e).startswith("reentrant call inside"))
        raise ZeroDivisionError
old = signal.signal(signal.SIGALRM, handler)
try:
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    try:
        while True:
            f.write(b"x" * 100000)
    except ZeroDivisionError:
        print("handler raised")
finally:
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, old)
    os.close(rd)
    try:
        f.close()
    except OSError:
        pass
