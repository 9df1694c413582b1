# sys.setprofile / sys.getprofile: 'call' and 'return' for Python frames,
# 'c_call' / 'c_return' / 'c_exception' for builtin functions and methods.
import sys

events = []


def profiler(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return
    if event.startswith('c_'):
        arg = arg.__name__
    elif event == 'return':
        arg = repr(arg)
    events.append((frame.f_code.co_name, event, arg))


def f(x):
    return len(x) + g()


def g():
    return 3


def fails():
    return int("x")


def gen():
    yield 1


def dump(title):
    print(title)
    for e in events:
        print("   ", e)
    events.clear()


print(sys.getprofile())
sys.setprofile(profiler)
f([1, 2])
sys.setprofile(None)
dump("calls")
print(sys.getprofile())

sys.setprofile(profiler)
try:
    fails()
except ValueError:
    pass
sys.setprofile(None)
dump("c_exception")

sys.setprofile(profiler)
lst = []
lst.append(1)
x = list(gen())
sys.setprofile(None)
dump("methods and generators")


# A profile function is not called for the 'line' events.
def both(frame, event, arg):
    if frame.f_code.co_filename == __file__:
        events.append(event)
    return both


sys.setprofile(both)
g()
sys.setprofile(None)
dump("no lines")


# A failing profile function is removed.
def broken(frame, event, arg):
    raise RuntimeError("profiler failed")


sys.setprofile(broken)
try:
    g()
except RuntimeError as e:
    print("caught", e)
print("after failure", sys.getprofile())
