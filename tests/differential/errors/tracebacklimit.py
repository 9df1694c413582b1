# sys.tracebacklimit limits the printed traceback to its newest entries;
# zero or less prints none (only the exception line). Output goes to
# stderr: the last line and the exit status are compared, and the counts
# of printed lines on stdout.
import subprocess, sys

code = """if 1:
    import sys
    def f1():
        1 / 0
    def f2():
        f1()
    sys.tracebacklimit = %r
    f2()
"""
for limit in [10, 3, 2, 1, 0, -1, 1 << 1000, -1 << 1000, None, "x"]:
    p = subprocess.run([sys.executable, "-c", code % (limit,)], capture_output=True)
    print(limit if not isinstance(limit, int) or abs(limit) < 100 else "big", p.returncode, p.stderr.decode().splitlines())
p = subprocess.run([sys.executable, "-c", "raise SyntaxError('msg', (b'bytes_filename', 123, 0, 'text'))"], capture_output=True)
print(p.stderr.decode().splitlines()[-4:])
p = subprocess.run([sys.executable, "-c", "import sys\nclass A:\n    def __del__(self, f=sys.is_finalizing, p=print):\n        p(f(), flush=True)\nref = A()"], capture_output=True)
print(p.stdout)
