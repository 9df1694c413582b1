# signal: PEP 475 for reads and writes on files: a handler that returns lets
# a blocking read go on, one that raises interrupts it
import os, signal

r, w = os.pipe()
f = os.fdopen(r, "rb", buffering=0)

def feed(sig, frame):
    print("handler writes")
    os.write(w, b"data")
signal.signal(signal.SIGALRM, feed)
signal.setitimer(signal.ITIMER_REAL, 0.03)
print(f.read(10))

def boom(sig, frame):
    raise ZeroDivisionError("from handler")
signal.signal(signal.SIGALRM, boom)
signal.setitimer(signal.ITIMER_REAL, 0.03)
try:
    f.read(10)
    print("not reached")
except ZeroDivisionError as e:
    print("read interrupted:", e)

buf = bytearray(4)
signal.setitimer(signal.ITIMER_REAL, 0.03)
try:
    f.readinto(buf)
except ZeroDivisionError as e:
    print("readinto interrupted:", e, buf)

signal.signal(signal.SIGALRM, lambda s, fr: os.kill(os.getpid(), signal.SIGINT))
signal.setitimer(signal.ITIMER_REAL, 0.03)
try:
    f.readall()
except KeyboardInterrupt:
    print("KeyboardInterrupt in readall")

signal.signal(signal.SIGALRM, lambda s, fr: os.write(w, b"a line\n"))
signal.setitimer(signal.ITIMER_REAL, 0.03)
print(f.readline())
signal.signal(signal.SIGALRM, signal.SIG_DFL)
f.close()
os.close(w)
