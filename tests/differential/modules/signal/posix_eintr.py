# signal: PEP 475 for os.read/os.write/os.waitpid: handlers run between
# retries of the interrupted call, an exception from one ends the call
import os, signal

r, w = os.pipe()
def feed(sig, frame):
    print("handler feeds the pipe")
    os.write(w, b"fed")
signal.signal(signal.SIGALRM, feed)
signal.setitimer(signal.ITIMER_REAL, 0.03)
print(os.read(r, 10))

class Stop(Exception):
    pass
def stop(sig, frame):
    raise Stop("signal %d" % sig)
signal.signal(signal.SIGALRM, stop)
signal.setitimer(signal.ITIMER_REAL, 0.03)
try:
    os.read(r, 10)
except Stop as e:
    print("os.read interrupted:", e)

# a full pipe blocks os.write
os.set_blocking(w, False)
try:
    while True:
        os.write(w, b"x" * 65536)
except BlockingIOError:
    pass
os.set_blocking(w, True)
signal.setitimer(signal.ITIMER_REAL, 0.03)
try:
    os.write(w, b"y" * 65536)
except Stop as e:
    print("os.write interrupted:", e)

r2, w2 = os.pipe()
pid = os.fork()
if pid == 0:
    os.read(r2, 1)
    os._exit(0)
signal.setitimer(signal.ITIMER_REAL, 0.03)
try:
    os.waitpid(pid, 0)
except Stop as e:
    print("os.waitpid interrupted:", e)
os.kill(pid, signal.SIGKILL)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
signal.signal(signal.SIGALRM, signal.SIG_DFL)
for fd in (r, w, r2, w2):
    os.close(fd)
