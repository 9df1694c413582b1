# sys.settrace: a trace function changing f_locals, a failing trace
# function removed, no tracing inside the trace function, and a tracer
# installed from a callee reaching its caller (as debuggers do).
import sys

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    if event == 'exception':
        arg = arg[0].__name__
    elif event == 'return':
        arg = repr(arg)
    events.append((frame.f_code.co_name, event, frame.f_lineno - frame.f_code.co_firstlineno, arg))
    return tracer


def dump(title):
    print(title)
    for e in events:
        print("   ", e)
    events.clear()


def simple(a):
    b = a + 1
    c = b * 2
    return c


# A trace function may change a function's locals through f_locals.
def changer(frame, event, arg):
    if frame.f_code.co_name == 'victim' and event == 'line' and 'x' in frame.f_locals:
        frame.f_locals['x'] = 100
    return changer


def victim():
    x = 1
    y = x
    return y


sys.settrace(changer)
r = victim()
sys.settrace(None)
print("victim", r)


# A trace function that raises is removed; the exception propagates.
def broken(frame, event, arg):
    if event == 'line':
        raise RuntimeError("tracer failed")
    return broken


sys.settrace(broken)
try:
    simple(4)
except RuntimeError as e:
    print("caught", e)
print("after failure", sys.gettrace())


# Frames entered while the trace function runs are not traced.
def nested_tracer(frame, event, arg):
    if frame.f_code.co_filename == __file__:
        events.append((frame.f_code.co_name, event))
        simple(0)
    return None


sys.settrace(nested_tracer)
simple(5)
sys.settrace(None)
dump("not nested")


# Installing a tracer in a frame: its callers get line events when they
# have a local trace function (as a debugger's set_trace does).
def outer():
    inner()
    a = 1
    return a


def inner():
    f = sys._getframe(1)
    f.f_trace = tracer
    sys.settrace(tracer)


outer()
sys.settrace(None)
dump("set in callee")
