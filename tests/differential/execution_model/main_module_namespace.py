# What __main__ holds at start for a script, -c, stdin and a .pyc, and a
# script whose name and arguments are not UTF-8 (decoded with
# surrogateescape, as os.fsdecode).
import os
import py_compile
import subprocess
import sys
import tempfile

show = (
    "import sys\n"
    "g = {k: v for k, v in globals().items() if k.startswith('__')}\n"
    "print(sorted(g))\n"
    "print(type(g['__loader__']).__name__ if not isinstance(g['__loader__'], type) else g['__loader__'].__name__)\n"
    "print(g.get('__cached__', 'absent'), g['__spec__'], g['__annotations__'], g['__package__'])\n"
    "print(ascii(g.get('__file__', 'absent')).replace(repr(TMP)[1:-1], 'TMP'), ascii(sys.argv[1:]))\n"
)


def run(args, stdin=None):
    r = subprocess.run([sys.executable] + args, input=stdin, capture_output=True)
    print(r.returncode, r.stdout.decode("ascii", "backslashreplace"), r.stderr.decode("ascii", "backslashreplace")[-200:])


with tempfile.TemporaryDirectory() as d:
    prelude = "TMP = %r\n" % d
    script = os.path.join(d, "script.py")
    with open(script, "w") as f:
        f.write(prelude + show)
    run([script, "a", "b"])
    run(["-c", prelude + show, "x"])
    run(["-"], stdin=(prelude + show).encode())
    compiled = os.path.join(d, "compiled.pyc")
    py_compile.compile(script, cfile=compiled)
    run([compiled])
    odd = os.path.join(os.fsencode(d), b"odd_\xe7w\xf0.py")
    with open(odd, "w") as f:
        f.write(prelude + show)
    run([odd, b"arg_\xff"])
