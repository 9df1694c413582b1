# Audit events raised by the interpreter and its native modules: names and
# argument shapes as CPython 3.11 raises them, a hook refusing a new hook,
# and hooks not traced unless they set __cantrace__.
import gc
import io
import marshal
import os
import socket
import sys
import tempfile

seen = []
WATCH = ("compile", "exec", "marshal.", "gc.", "sys._getframe", "object.__setattr__", "open", "socket.", "syslog.")

def describe(a):
    if isinstance(a, (int, str, bytes, type(None))):
        return repr(a)
    return type(a).__name__

def hook(event, args):
    if event.startswith(WATCH):
        seen.append((event, [describe(a) for a in args]))

sys.addaudithook(hook)

exec("x = 1")
eval(b"2")
compile("3", "name.py", "eval")
marshal.loads(marshal.dumps((1, 2)))
gc.get_objects(generation=0)
gc.get_referents([1])
gc.get_referrers(hook)
sys._getframe()

class A:
    pass
class B:
    pass
A.__name__ = "Renamed"
A.plain = 1
a = A()
a.__class__ = B

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "f.txt")
    with open(path, "w") as f:
        f.write("x")
    fd = os.open(path, os.O_RDONLY)
    os.close(fd)
    with io.open(path, "rb") as f:
        pass

s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 0))
s.close()
socket.gethostname()

for event, args in seen:
    print(event, [x if "tmp" not in x else "<path>" for x in args])

# A hook that raises an Exception refuses the next one; a BaseException
# propagates out of addaudithook.
def refuse(event, args):
    if event == "sys.addaudithook":
        raise RuntimeError("no more hooks")
sys.addaudithook(refuse)
print(sys.addaudithook(lambda e, a: print("never")))

traced = []
def tracer(frame, event, arg):
    if frame.f_code is Traceable.__call__.__code__:
        traced.append(event)
class Traceable:
    def __call__(self, event, args):
        pass
t = Traceable()
sys.addaudithook(t)
sys.settrace(tracer)
eval("1")
t.__cantrace__ = True
eval("2")
sys.settrace(None)
print(traced)
