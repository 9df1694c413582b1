# select: poll objects (register/modify/unregister/poll in milliseconds)
import os, select

def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except BaseException as e:
        print(type(e).__name__, e)

p = select.poll()
print(type(p).__name__, type(p).__module__)
t(type(p))
r, w = os.pipe()
print(p.register(r, select.POLLIN))
p.register(w)
print(p.poll(0) == [(w, select.POLLOUT)])
os.write(w, b"x")
print(sorted(p.poll(10)) == sorted([(r, select.POLLIN), (w, select.POLLOUT)]))
p.modify(w, select.POLLIN)
print(p.poll(None) == [(r, select.POLLIN)])
print(p.poll(1.5) == [(r, select.POLLIN)])
print(p.poll(-1) == [(r, select.POLLIN)])
p.unregister(w)
t(p.unregister, w)
t(p.modify, w, select.POLLIN)
t(p.register, -1)
t(p.register, "a")
t(p.register, r, 1 << 20)
t(p.register, r, -1)
t(p.register, r, "a")
t(p.poll, "a")
t(p.poll, 1, 2)
t(p.poll, timeout=1)
t(p.poll, 1e30)
t(p.poll, float("nan"))
t(p.unregister)

class F:
    def fileno(self):
        return r
p.unregister(F())
print(p.poll(0))
p.register(F(), select.POLLIN | select.POLLPRI)
print(p.poll(0) == [(r, select.POLLIN)])
os.read(r, 10)
print(p.poll(5))
os.close(w)
print(p.poll(0) == [(r, select.POLLHUP)])
fd = os.open(os.devnull, os.O_RDONLY)
os.close(fd)
p.register(fd)
print(p.poll(0)[-1] == (fd, select.POLLNVAL))
os.close(r)
