# fcntl: fcntl flags on pipes, buffer arguments, ioctl, flock and lockf
import fcntl, os

def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except BaseException as e:
        print(type(e).__name__, e)

r, w = os.pipe()
print(fcntl.fcntl(r, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY)
print(fcntl.fcntl(w, fcntl.F_GETFL) & os.O_ACCMODE == os.O_WRONLY)
print(fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
flags = fcntl.fcntl(r, fcntl.F_GETFL)
print(fcntl.fcntl(r, fcntl.F_SETFL, flags | os.O_NONBLOCK))
print(bool(fcntl.fcntl(r, fcntl.F_GETFL) & os.O_NONBLOCK), os.get_blocking(r))
t(os.read, r, 1)
fcntl.fcntl(r, fcntl.F_SETFD, 0)
print(os.get_inheritable(r))
fcntl.fcntl(r, fcntl.F_SETFD, fcntl.FD_CLOEXEC)
print(os.get_inheritable(r))
d = fcntl.fcntl(r, fcntl.F_DUPFD, 100)
print(d >= 100)
os.close(d)
print(fcntl.fcntl(r, fcntl.F_GETPIPE_SZ) > 0)

class F:
    def fileno(self):
        return w
print(fcntl.fcntl(F(), fcntl.F_GETFL) & os.O_ACCMODE == os.O_WRONLY)
t(fcntl.fcntl, r, fcntl.F_GETFL, "abc")
t(fcntl.fcntl, r, fcntl.F_GETFL, b"abc")
t(fcntl.fcntl, r, fcntl.F_GETFL, bytearray(b"xy"))
t(fcntl.fcntl, r, fcntl.F_GETFL, b"x" * 2000)
t(fcntl.fcntl, r, fcntl.F_GETFL, 1.5)
t(fcntl.fcntl, r, fcntl.F_GETFL, None)
t(fcntl.fcntl, -1, fcntl.F_GETFL)
t(fcntl.fcntl, 999, fcntl.F_GETFL)
t(fcntl.fcntl, "x", fcntl.F_GETFL)
t(fcntl.fcntl, r)
t(fcntl.fcntl, r, fcntl.F_GETFL, 0, 1)
t(fcntl.fcntl, r, 2 ** 40)

# FIONREAD: bytes waiting in the pipe
FIONREAD = 0x541B
os.write(w, b"hello")
buf = bytearray(4)
print(fcntl.ioctl(r, FIONREAD, buf), buf)
print(fcntl.ioctl(r, FIONREAD, bytearray(4), False))
print(fcntl.ioctl(r, FIONREAD, b"\0\0\0\0"))
print(fcntl.ioctl(r, FIONREAD, "    "))
t(fcntl.ioctl, r, FIONREAD, 1.5)
t(fcntl.ioctl, r, FIONREAD, b"x" * 2000)
t(fcntl.ioctl, r, 0x5401, bytearray(64))
t(fcntl.ioctl, r)

path = "fcntl_ops.lock.tmp"
fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
try:
    os.write(fd, b"0123456789")
    print(fcntl.flock(fd, fcntl.LOCK_EX))
    print(fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB))
    print(fcntl.flock(fd, fcntl.LOCK_UN))
    print(fcntl.lockf(fd, fcntl.LOCK_EX))
    print(fcntl.lockf(fd, fcntl.LOCK_UN, 0, 0, 0))
    print(fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB, 5, 2, os.SEEK_SET))
    lk = fcntl.fcntl(fd, fcntl.F_GETLK, bytes(32))
    print(len(lk), lk[:2])
    t(fcntl.lockf, fd, 16)
    t(fcntl.lockf, fd, fcntl.LOCK_EX, "a")
    t(fcntl.lockf, r, fcntl.LOCK_EX)
    t(fcntl.flock, fd)
    t(fcntl.flock, 999, fcntl.LOCK_EX)
finally:
    os.close(fd)
    os.unlink(path)
os.close(r)
os.close(w)
print(fcntl.LOCK_SH, fcntl.LOCK_EX, fcntl.LOCK_NB, fcntl.LOCK_UN, fcntl.F_GETFL, fcntl.F_SETFL, fcntl.F_SETLKW)
