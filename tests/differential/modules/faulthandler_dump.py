# faulthandler: tracebacks written to a descriptor on request, after a
# timeout (watchdog thread) and on a fatal signal, in CPython's format.
import faulthandler, os, re, subprocess, sys, tempfile

def norm(text):
    return re.sub(r"0x[0-9a-f]{16}", "0xTHREAD", text)

def run(code):
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    print("exit", r.returncode)
    print(norm(r.stderr).rstrip())

with tempfile.TemporaryFile("w+") as f:
    def inner():
        faulthandler.dump_traceback(f, all_threads=False)
    def outer():
        inner()
    outer()
    faulthandler.dump_traceback(f.fileno())
    f.seek(0)
    print(norm(f.read()).replace(__file__, "FILE"))

print(faulthandler.is_enabled())
faulthandler.enable(sys.stdout)
print(faulthandler.is_enabled(), faulthandler.disable(), faulthandler.disable(), faulthandler.is_enabled())

for bad in [lambda: faulthandler.dump_traceback(-1), lambda: faulthandler.dump_traceback_later(0),
            lambda: faulthandler.dump_traceback_later(-2.5), lambda: faulthandler.register(0),
            lambda: faulthandler.register(__import__('signal').SIGSEGV), lambda: faulthandler.unregister(999),
            lambda: faulthandler.enable(file=object())]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
import signal
print(faulthandler.unregister(signal.SIGUSR1))

run("import faulthandler\nfaulthandler.enable()\ndef crash():\n    faulthandler._sigsegv()\ncrash()")
run("import faulthandler\nfaulthandler.enable(all_threads=False)\nfaulthandler._read_null()")
run("import faulthandler\nfaulthandler.enable()\nfaulthandler.disable()\nfaulthandler._sigsegv()")
run("import faulthandler, time\nfaulthandler.dump_traceback_later(0.2, exit=True)\ndef wait():\n    time.sleep(30)\nwait()")
run("import faulthandler, time\nfaulthandler.dump_traceback_later(0.1, repeat=True)\ntime.sleep(0.35)\nfaulthandler.cancel_dump_traceback_later()\nprint('done')")
run("import faulthandler, signal, os\nfaulthandler.register(signal.SIGUSR1, all_threads=False)\ndef f():\n    os.kill(os.getpid(), signal.SIGUSR1)\nf()\nprint(faulthandler.unregister(signal.SIGUSR1))")
