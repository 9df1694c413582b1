# select: select() over pipes and objects with fileno(), timeouts and errors
import os, select

def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except BaseException as e:
        print(type(e).__name__, e)

r, w = os.pipe()
print(select.select([r], [], [], 0))
print(select.select([r], [w], [], 0) == ([], [w], []))
os.write(w, b"data")
print(select.select([r], [w], [r, w], 0.01) == ([r], [w], []))
print(select.select((r,), (), (), None) == ([r], [], []))

class F:
    def __init__(self, fd):
        self.fd = fd
    def fileno(self):
        return self.fd
a, b = F(r), F(w)
rl, wl, xl = select.select([a, r], [b], [], 0)
print(rl[0] is a, rl[1] == r, wl[0] is b, xl)
os.read(r, 100)
print(select.select([a], [], [], 0.001))

t(select.select, [], [], [], -1)
t(select.select, [], [], [], "soon")
t(select.select, [], [], [], float("nan"))
t(select.select, [], [], [], 1e30)
t(select.select, [-1], [], [], 0)
t(select.select, ["a"], [], [], 0)
t(select.select, [F("x")], [], [], 0)
t(select.select, [F(-2)], [], [], 0)
t(select.select, 3, [], [], 0)
t(select.select, [], [])
t(select.select, [], [], [], 0, 1)
t(select.select, [5000], [], [], 0)
t(select.select, [999], [], [], 0)
print(select.error is OSError)

# the write end closed: the read end is readable (EOF)
os.close(w)
print(select.select([r], [], [], 0) == ([r], [], []))
print(os.read(r, 10))
os.close(r)
print(sorted(k for k in dir(select) if k.startswith("POLL")))
print(select.POLLIN, select.POLLOUT, select.POLLPRI, select.POLLERR, select.POLLHUP, select.POLLNVAL, select.PIPE_BUF)
