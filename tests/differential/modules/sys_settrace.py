# sys.settrace / sys.gettrace: 'call', 'line', 'exception', 'return' events,
# the local trace function from 'call' kept in f_trace, f_trace_lines,
# assignments to f_locals from a trace function, a failing tracer removed.
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


def catches():
    try:
        raise ValueError("x")
    except ValueError:
        pass
    return 1


def raises():
    x = 1
    raise KeyError(x)


def calls_raises():
    try:
        raises()
    except KeyError:
        return 2


def gen():
    yield 1
    yield 2


def loop():
    total = 0
    for i in range(3):
        total += i
    return total


print(sys.gettrace())
sys.settrace(tracer)
simple(1)
sys.settrace(None)
dump("simple")
print(sys.gettrace())

sys.settrace(tracer)
catches()
calls_raises()
sys.settrace(None)
dump("exceptions")

sys.settrace(tracer)
for v in gen():
    pass
sys.settrace(None)
dump("generator")

sys.settrace(tracer)
loop()
sys.settrace(None)
dump("loop")


# Only a 'call' event when the local tracer is None.
def only_calls(frame, event, arg):
    if frame.f_code.co_filename == __file__:
        events.append((frame.f_code.co_name, event))
    return None


sys.settrace(only_calls)
simple(2)
catches()
sys.settrace(None)
dump("call only")


# f_trace_lines = False: no 'line' events, the others remain.
def no_lines(frame, event, arg):
    frame.f_trace_lines = False
    if frame.f_code.co_filename == __file__:
        events.append((frame.f_code.co_name, event))
    return no_lines


sys.settrace(no_lines)
simple(3)
sys.settrace(None)
dump("no lines")
