# posix: posix_spawn/posix_spawnp with file actions and attributes, and
# wait3/wait4/waitid results (rusage, waitid_result), argument errors
import posix, sys

def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r if not isinstance(r, int) or r < 100 else "pid")
    except Exception as e:
        print(type(e).__name__, e)

env = {"PATH": "/bin:/usr/bin"}
pid = posix.posix_spawn("/bin/sh", ["sh", "-c", "exit 3"], env)
rpid, status = posix.waitpid(pid, 0)
print(rpid == pid, posix.WIFEXITED(status), posix.WEXITSTATUS(status))

r, w = posix.pipe()
pid = posix.posix_spawnp("sh", ["sh", "-c", "echo $X hi; echo err >&2"], {"X": "x1"},
                         file_actions=[(posix.POSIX_SPAWN_DUP2, w, 1), (posix.POSIX_SPAWN_DUP2, w, 2),
                                       (posix.POSIX_SPAWN_CLOSE, r),
                                       (posix.POSIX_SPAWN_OPEN, 0, "/dev/null", posix.O_RDONLY, 0)])
posix.close(w)
data = b""
while True:
    c = posix.read(r, 100)
    if not c:
        break
    data += c
posix.close(r)
print(data)
rpid, status, ru = posix.wait4(pid, 0)
print(rpid == pid, status, type(ru).__name__, type(ru).__module__, len(ru), type(ru.ru_utime).__name__, type(ru.ru_maxrss).__name__)

pid = posix.posix_spawn("/bin/sh", ["sh", "-c", "kill -TERM $$"], env, setpgroup=0, resetids=True,
                        setsid=False, setsigmask=[], setsigdef=[15], scheduler=(None, posix.sched_param(0)))
rpid, status, ru = posix.wait3(0)
print(rpid == pid, posix.WIFSIGNALED(status), posix.WTERMSIG(status))

# waitid: None while the child runs (WNOHANG), then its result
r, w = posix.pipe()
pid = posix.posix_spawn("/bin/sh", ["sh", "-c", "read x; exit 5"], env, file_actions=[(posix.POSIX_SPAWN_DUP2, r, 0)])
posix.close(r)
print(posix.waitid(posix.P_PID, pid, posix.WEXITED | posix.WNOHANG))
posix.write(w, b"go\n")
posix.close(w)
res = posix.waitid(posix.P_PID, pid, posix.WEXITED)
print(res.si_pid == pid, res.si_status, res.si_code == posix.CLD_EXITED, res.si_signo, type(res).__name__, len(res))
print(posix.waitid_result.n_fields, posix.waitid_result.__match_args__)
t(posix.waitid, posix.P_ALL, 0, posix.WEXITED | posix.WNOHANG)
t(posix.wait3, posix.WNOHANG)
t(posix.wait4, -1, 0)
t(posix.waitid, 0, 0)
t(posix.waitid, 0, 0, 0, x=1)
t(posix.wait3)
t(posix.wait4, 1)
t(posix.wait3, "a")

# errors
t(posix.posix_spawn, "/nonexistent/prog", ["x"], env)
t(posix.posix_spawnp, "no-such-program-here", ["x"], env)
t(posix.posix_spawn)
t(posix.posix_spawn, "/bin/true", ["x"], env, 1)
t(posix.posix_spawn, "/bin/true", 3, env)
t(posix.posix_spawn, "/bin/true", [], env)
t(posix.posix_spawn, "/bin/true", [""], env)
t(posix.posix_spawn, "/bin/true", ["x"], 3)
t(posix.posix_spawn, "/bin/true", ["x"], {"a=b": "c"})
t(posix.posix_spawn, 3, ["x"], env)
t(posix.posix_spawn, "/bin/true", ["x"], env, bad=1)
t(posix.posix_spawn, "/bin/true", ["x"], env, file_actions=3)
t(posix.posix_spawn, "/bin/true", ["x"], env, file_actions=[3])
t(posix.posix_spawn, "/bin/true", ["x"], env, file_actions=[()])
t(posix.posix_spawn, "/bin/true", ["x"], env, file_actions=[(9,)])
t(posix.posix_spawn, "/bin/true", ["x"], env, file_actions=[("a", 1)])
t(posix.posix_spawn, "/bin/true", ["x"], env, file_actions=[(posix.POSIX_SPAWN_CLOSE,)])
t(posix.posix_spawn, "/bin/true", ["x"], env, file_actions=[(posix.POSIX_SPAWN_OPEN, 1, 2)])
t(posix.posix_spawn, "/bin/true", ["x"], env, file_actions=[(posix.POSIX_SPAWN_DUP2, 1)])
t(posix.posix_spawn, "/bin/true", ["x"], env, file_actions=[(posix.POSIX_SPAWN_OPEN, 1, "a\0b", 0, 0)])
t(posix.posix_spawn, "/bin/true", ["x"], env, setpgroup="a")
t(posix.posix_spawn, "/bin/true", ["x"], env, setsigmask=3)
t(posix.posix_spawn, "/bin/true", ["x"], env, setsigmask=[99999])
t(posix.posix_spawn, "/bin/true", ["x"], env, setsigdef=[0])
t(posix.posix_spawn, "/bin/true", ["x"], env, setsigmask=["a"])
t(posix.posix_spawn, "/bin/true", ["x"], env, scheduler=3)
t(posix.posix_spawn, "/bin/true", ["x"], env, scheduler=(1, 2))
t(posix.posix_spawn, "/bin/true", ["x"], env, scheduler=(1, 2, 3))
t(posix.posix_spawn, "/bin/true", ["x"], env, scheduler=(None, posix.sched_param("a")))
t(posix.posix_spawn, "/bin/true", ["x"], env, scheduler=("a", posix.sched_param(1)))
t(posix.posix_spawn, "/bin/true", ["x"], env, setpgroup=None)
t(posix.posix_spawn, "/bin/true", ["x"], env, scheduler=None)
t(posix.posix_spawn, "/bin/true", 3, env, resetids="x")
t(posix.posix_spawn, 3, 3, env, setsid=None)
print(posix.POSIX_SPAWN_OPEN, posix.POSIX_SPAWN_CLOSE, posix.POSIX_SPAWN_DUP2, posix.WEXITED, posix.WSTOPPED)
