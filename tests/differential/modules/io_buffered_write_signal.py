# A buffered write that a signal interrupts mid-way (the raw write returns
# short) runs the handler before blocking again, and its exception ends
# the write — instead of blocking forever on a full pipe.
import _io, posix, signal, threading

def handler(signum, frame):
    1 / 0

signal.signal(signal.SIGALRM, handler)
r, w = posix.pipe()
got = []
def reader():
    got.append(posix.read(r, 1))
t = threading.Thread(target=reader)
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGALRM])
t.start()
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGALRM])
f = _io.open(w, 'wb', closefd=False)
signal.alarm(1)
try:
    f.write(b'x' * (4 * 1024 * 1024))
except ZeroDivisionError:
    print('ZeroDivisionError raised by the handler')
finally:
    signal.alarm(0)
    t.join()
print(got)
posix.close(r)
try:
    f.close()
except BrokenPipeError:
    print('BrokenPipeError on close')
posix.close(w)
