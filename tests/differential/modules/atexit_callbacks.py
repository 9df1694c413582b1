# atexit: registration order (last first), arguments, unregister, errors in callbacks, _run_exitfuncs
import atexit, sys

def show(*a, **k):
    print("show", a, sorted(k.items()))
    sys.stdout.flush()

def boom():
    raise ValueError("in callback")

class Eq:
    def __eq__(self, other):
        raise RuntimeError("eq failed")
    __hash__ = object.__hash__
    def __call__(self):
        print("Eq called")

print(atexit.register(show, 1, k=2) is show)
atexit.register(boom)
atexit.register(show, "last registered runs first")
atexit.register(show, "removed")
atexit.unregister(boom)
try:
    atexit.register(5)
except TypeError as e:
    print(e)
try:
    atexit.register()
except TypeError as e:
    print(e)
n0 = atexit._ncallbacks()
atexit.register(print, "ran by _run_exitfuncs")
atexit._run_exitfuncs()
print(atexit._ncallbacks())
atexit.register(show, 1, k=2)
atexit.register(boom)
atexit.register(show, "last registered runs first")
e = Eq()
atexit.register(e)
try:
    atexit.unregister(show)
except RuntimeError as err:
    print(type(err).__name__, err)
atexit.register(lambda: print("end of main"))
print("main done")
