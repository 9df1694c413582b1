# posix: fork/waitpid/_exit with register_at_fork hooks, pipes, dup/dup2,
# inheritable/blocking flags, execv, kill, wait status helpers
import posix, sys
log = []
posix.register_at_fork(before=lambda: log.append("before1"), after_in_parent=lambda: log.append("parent1"), after_in_child=lambda: log.append("child1"))
posix.register_at_fork(before=lambda: log.append("before2"), after_in_parent=lambda: log.append("parent2"))
r, w = posix.pipe()
print(posix.get_inheritable(r), posix.get_inheritable(w), posix.get_blocking(r))
pid = posix.fork()
if pid == 0:
    posix.close(r)
    posix.write(w, ("child:" + ",".join(log)).encode())
    posix.close(w)
    posix._exit(7)
posix.close(w)
data = b""
while True:
    chunk = posix.read(r, 100)
    if not chunk:
        break
    data += chunk
posix.close(r)
rpid, status = posix.waitpid(pid, 0)
print(rpid == pid, data.decode(), log)
print(posix.WIFEXITED(status), posix.WEXITSTATUS(status), posix.waitstatus_to_exitcode(status), posix.WIFSIGNALED(status))
pid = posix.fork()
if pid == 0:
    posix.kill(posix.getpid(), 9)
    posix._exit(0)
rpid, status = posix.waitpid(pid, 0)
print(posix.WIFSIGNALED(status), posix.WTERMSIG(status), posix.waitstatus_to_exitcode(status), posix.WCOREDUMP(status))
try:
    posix.waitpid(pid, 0)
except OSError as e:
    print(type(e).__name__, e.errno)
print(posix.waitpid(-1, posix.WNOHANG) if False else "skip")
r, w = posix.pipe2(posix.O_NONBLOCK | posix.O_CLOEXEC)
print(posix.get_blocking(r), posix.get_inheritable(r))
try:
    posix.read(r, 10)
except OSError as e:
    print(type(e).__name__, e.errno)
posix.set_blocking(r, True)
posix.set_inheritable(r, True)
print(posix.get_blocking(r), posix.get_inheritable(r))
d = posix.dup(w)
print(d > w, posix.get_inheritable(d))
posix.write(d, b"via dup")
print(posix.read(r, 100))
d2 = posix.dup2(w, d + 5)
print(d2 == d + 5, posix.get_inheritable(d2))
d3 = posix.dup2(w, d + 6, inheritable=False)
print(posix.get_inheritable(d3))
for fd in (r, w, d, d2, d3):
    posix.close(fd)
posix.closerange(1000, 1010)
r, w = posix.pipe()
pid = posix.fork()
if pid == 0:
    posix.close(r)
    posix.dup2(w, 1)
    posix.execv(sys.executable, [sys.executable, "-c", "print('exec ok')"])
    posix._exit(99)
posix.close(w)
out = b""
while True:
    c = posix.read(r, 100)
    if not c:
        break
    out += c
posix.close(r)
print(out, posix.waitstatus_to_exitcode(posix.waitpid(pid, 0)[1]))
pid = posix.fork()
if pid == 0:
    posix.execve("/bin/sh", ["sh", "-c", "exit $CODE"], {"CODE": "5"})
print(posix.waitstatus_to_exitcode(posix.waitpid(pid, 0)[1]))
for bad in (lambda: posix.execv("/nonexistent/x", ["x"]), lambda: posix.execve("/bin/sh", ["sh"], 5), lambda: posix.kill(posix.getpid(), 999), lambda: posix.waitstatus_to_exitcode(-1)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(posix.WIFSTOPPED(0x137f), posix.WSTOPSIG(0x137f), posix.WIFCONTINUED(0xffff))
