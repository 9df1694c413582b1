# _posixsubprocess.fork_exec called as Lib/subprocess.py does: pipes, cwd,
# env, exit statuses, exec and chdir failures reported on the error pipe
import os, signal, _posixsubprocess as ps

def t(f, *a):
    try:
        print(repr(f(*a)))
    except BaseException as e:
        print(type(e).__name__, e)

def read_all(fd):
    data = b""
    while True:
        chunk = os.read(fd, 4096)
        if not chunk:
            return data
        data += chunk

def spawn(argv, executables, stdin=None, cwd=None, env=None, preexec_fn=None, restore_signals=True,
          setsid=False, umask=-1, pass_fds=()):
    err_r, err_w = os.pipe()
    in_r, in_w = os.pipe() if stdin is not None else (-1, -1)
    out_r, out_w = os.pipe()
    keep = tuple(sorted(set(pass_fds) | {err_w}))
    pid = ps.fork_exec(argv, executables, True, keep, cwd, env, in_r, in_w, out_r, out_w, -1, -1,
                       err_r, err_w, restore_signals, setsid, -1, None, None, None, umask, preexec_fn, False)
    os.close(err_w)
    if in_r != -1:
        os.close(in_r)
        os.write(in_w, stdin)
        os.close(in_w)
    os.close(out_w)
    out = read_all(out_r)
    os.close(out_r)
    err = read_all(err_r)
    os.close(err_r)
    _, status = os.waitpid(pid, 0)
    return out, err, os.waitstatus_to_exitcode(status)

sh = [b"/bin/sh"]
print(spawn([b"sh", b"-c", b"echo hello; exit 3"], sh))
print(spawn([b"sh", b"-c", b"tr a-z A-Z"], sh, stdin=b"shout\n"))
print(spawn([b"sh", b"-c", b"pwd"], sh, cwd="/"))
print(spawn([b"sh", b"-c", b"echo $KRAIT_T"], sh, env=[b"KRAIT_T=value", b"PATH=/bin:/usr/bin"]))
print(spawn([b"sh", b"-c", b"kill -TERM $$"], sh))
print(spawn([b"sh", b"-c", b"umask"], sh, umask=0o27))
print(spawn(["sh", "-c", "echo str args work"], sh))
print(spawn([b"x"], [b"/nonexistent/dir/prog", b"/also/not/here"]))
print(spawn([b"x"], [b"/"]))
print(spawn([b"x"], [b"/nonexistent/a", b"/"]))
print(spawn([b"sh"], sh, cwd="/nonexistent-directory"))
print(spawn([b"true"], [b"/bin/true"], preexec_fn=lambda: 1 / 0))
print(spawn([b"sh", b"-c", b"echo after preexec"], sh, preexec_fn=lambda: None))
r, w = os.pipe()
print(spawn([b"sh", b"-c", b"echo through pass_fds >&%d" % w], sh, pass_fds=(w,)))
os.close(w)
print(read_all(r))
os.close(r)

base = [[b"/bin/true"], [b"/bin/true"], True, (), None, None, -1, -1, -1, -1, -1, -1, -1, 5,
        False, False, -1, None, None, None, -1, None, False]
def bad(i, x):
    a = list(base)
    a[i] = x
    t(ps.fork_exec, *a)
t(ps.fork_exec)
t(ps.fork_exec, *range(23))
bad(13, 2)
bad(3, [1])
bad(3, (3, 2))
bad(3, (-1,))
bad(3, ("a",))
bad(1, ["/bin/true"])
bad(1, 5)
bad(0, 5)
bad(5, [1])
bad(5, ["a=b"])
bad(4, 5)
bad(17, "x")
bad(18, (1,))
bad(18, ["a"])
bad(19, "x")
bad(6, "x")
