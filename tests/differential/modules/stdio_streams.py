# The standard streams are io objects (TextIOWrapper over a buffered
# FileIO), configured from -u, -W, -X and PYTHON* variables as CPython's.
import sys, io, os, subprocess

for s in (sys.stdin, sys.stdout, sys.stderr):
    print(type(s).__name__, s.name, s.mode, s.encoding, s.errors, s.line_buffering)
print(sys.stdout is sys.__stdout__, isinstance(sys.stdout, io.TextIOBase))
print(type(sys.stdin.buffer).__name__, type(sys.stdin.buffer.raw).__name__, sys.stdin.buffer.raw.closefd)
print(sys.stdout.fileno(), sys.stderr.fileno())
sys.stdout.flush()
sys.stdout.buffer.write(b'raw bytes through .buffer\n')
sys.stdout.buffer.flush()

def run(args, code, **env):
    e = {k: v for k, v in os.environ.items() if not k.startswith('PYTHON')}
    e.update(env)
    r = subprocess.run([sys.executable] + args + ['-c', code], capture_output=True, env=e, stdin=subprocess.DEVNULL)
    return r.stdout.decode().strip(), r.returncode

show = 'import sys; print(type(sys.stdout.buffer).__name__, sys.stdout.write_through, sys.stdout.line_buffering)'
print(run([], show))
print(run(['-u'], show))
print(run([], show, PYTHONUNBUFFERED='1'))
print(run([], 'import sys; print(sys.stdout.encoding, sys.stdout.errors, sys.stderr.errors)', PYTHONIOENCODING='latin-1:replace'))
print(run([], 'print("\u20ac")', PYTHONIOENCODING='ascii:replace'))
print(run(['-E'], 'import sys; print(sys.stdout.encoding)', PYTHONIOENCODING='latin-1'))

opts = 'import sys; print(sys.warnoptions, sorted(sys._xoptions.items()), sys.flags.dev_mode)'
print(run(['-W', 'error::ResourceWarning', '-Wi', '-X', 'foo=bar', '-Xbaz'], opts))
print(run(['-X', 'dev', '-b'], opts))
print(run(['-Wd'], opts, PYTHONWARNINGS='ignore, always::UserWarning'))
print(run(['-E', '-Wd'], opts, PYTHONWARNINGS='ignore'))
print(run(['-Wi'], 'import warnings; warnings.warn("hidden"); print("done")'))
print(run(['-We'], 'import warnings\ntry:\n    warnings.warn("boom")\nexcept UserWarning as e:\n    print("raised", e)'))
# A closed descriptor leaves the stream None.
print(run([], 'import sys; print(sys.stdin)', ) [1])
r = subprocess.run([sys.executable, '-c', 'import sys; print(sys.stdin is None)'], capture_output=True, stdin=subprocess.DEVNULL, pass_fds=())
print(r.stdout.decode().strip())
