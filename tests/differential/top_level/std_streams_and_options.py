# The standard streams are io.TextIOWrapper objects as CPython builds them
# (names, modes, buffering under -u or not, errors handlers,
# PYTHONIOENCODING), and -W / -X reach sys.warnoptions and sys._xoptions.
import io, os, subprocess, sys

def run(args, env_extra=None, drop=()):
    env = {k: v for k, v in os.environ.items() if k not in drop and not k.startswith("PYTHONIOENCODING")}
    env.update(env_extra or {})
    r = subprocess.run([sys.executable] + args, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL)
    print(r.returncode, r.stdout.strip().replace("\n", " | "), "|", r.stderr.strip().splitlines()[:1])

show = ("import sys, io\n"
        "for s in (sys.stdin, sys.stdout, sys.stderr):\n"
        "    print(type(s).__name__, s.name, s.mode, s.encoding, s.errors, s.line_buffering, s.write_through,"
        " type(s.buffer).__name__, s.buffer.raw.name if hasattr(s.buffer, 'raw') else s.buffer.name, s.fileno(),"
        " isinstance(s, io.TextIOBase), s is getattr(sys, '__' + s.name.strip('<>') + '__'))")
run(["-c", show], drop=("PYTHONUNBUFFERED",))
run(["-u", "-c", show], drop=("PYTHONUNBUFFERED",))
run(["-c", show], env_extra={"PYTHONUNBUFFERED": "1"})
run(["-c", show], env_extra={"PYTHONIOENCODING": "latin-1:replace"}, drop=("PYTHONUNBUFFERED",))
run(["-c", "import sys; print('\\u20ac'); sys.stdout.flush(); print(sys.stdout.encoding)"], env_extra={"PYTHONIOENCODING": "ascii:backslashreplace"})
run(["-c", "import sys; sys.stdout.reconfigure(errors='replace'); print(sys.stdout.errors)"])
run(["-W", "error::DeprecationWarning", "-W", "ignore", "-X", "faulthandler", "-X", "frozen_modules=off",
     "-c", "import sys, faulthandler; print(sys.warnoptions, sorted(sys._xoptions.items()), faulthandler.is_enabled())"])
run(["-W", "error", "-c", "import warnings; warnings.warn('boom')"])
run(["-c", "import sys, faulthandler; print(sys.warnoptions, sys._xoptions, faulthandler.is_enabled())"],
    env_extra={"PYTHONWARNINGS": "ignore,default::UserWarning", "PYTHONFAULTHANDLER": "1"})
run(["-E", "-c", "import sys, faulthandler; print(sys.warnoptions, faulthandler.is_enabled())"],
    env_extra={"PYTHONWARNINGS": "ignore", "PYTHONFAULTHANDLER": "1"})
# Start-up options and variables read like CPython's.
run(["-c", "import sys; sys.stdout.close()"])
run(["-I", "--unknown-option"])
run(["-X", "int_max_str_digits=5", "-c", "pass"])
run(["-X", "int_max_str_digits=1000", "-c", "import sys; print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)"])
run(["-c", "import sys; print(sys.get_int_max_str_digits())"], env_extra={"PYTHONINTMAXSTRDIGITS": "700"})
for env, opt in ((None, None), ("foo", None), (None, "bar"), ("foo", "bar"), ("foo", ""), ("foo", "-")):
    args = ["-c", "import sys; print(sys.pycache_prefix)"]
    if opt == "-":
        args[:0] = ["-X", "pycache_prefix"]
    elif opt is not None:
        args[:0] = ["-X", "pycache_prefix=" + opt]
    run(args, env_extra={} if env is None else {"PYTHONPYCACHEPREFIX": env}, drop=("PYTHONPYCACHEPREFIX",))
for value in ("", "1", "text", "2"):
    run(["-c", "import sys; print(sys.flags.debug, sys.flags.optimize, sys.flags.inspect, sys.flags.dont_write_bytecode)"],
        env_extra={"PYTHONDEBUG": value, "PYTHONOPTIMIZE": value, "PYTHONDONTWRITEBYTECODE": value}, drop=("PYTHONINSPECT",))
# Started without standard descriptors, the streams are None.
for closed in ((0,), (1,), (2,), (0, 1, 2)):
    code = ("import os, sys\n"
            "names = [n for n in ('stdin', 'stdout', 'stderr') if getattr(sys, n) is None]\n"
            "fd = os.open(os.devnull, os.O_WRONLY)\n"
            "os._exit(len(names) * 10 + len([n for n in ('stdin', 'stdout', 'stderr') if n in names and n[3:] in ('in', 'out', 'err')]))")
    def pre(closed=closed):
        for fd in closed:
            os.close(fd)
    p = subprocess.run([sys.executable, "-c", code], preexec_fn=pre, capture_output=False)
    print(closed, p.returncode)
