# The tracer sees StopIteration as an 'exception' event where CPython
# raises it: an iterator ending a for loop (a generator only when it
# returns a value), and a sub-iterator ending a `yield from`.
import sys

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    if event == 'exception':
        events.append((frame.f_code.co_name, arg[0].__name__, repr(arg[1].args)))
    return tracer


def returns_value():
    yield 0
    return 123


def returns_none():
    yield 0


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration("done")
        self.n -= 1
        return self.n


def loops():
    for x in returns_value():
        pass
    for x in returns_none():
        pass
    for x in Countdown(2):
        pass


def delegating():
    r = yield from returns_value()
    s = yield from returns_none()
    return (r, s)


def sending():
    g = delegating()
    out = [next(g)]
    out.append(g.send(5))
    try:
        g.send(6)
    except StopIteration as e:
        out.append(e.value)
    return out


sys.settrace(tracer)
loops()
print(sending())
print(list(delegating()))
sys.settrace(None)
for e in events:
    print(e)

# With a tracer whose exception event raises, that error replaces it.
def angry(frame, event, arg):
    if event == 'exception' and arg[0] is StopIteration:
        raise KeyError("from tracer")
    return angry


def loop_once():
    for x in Countdown(1):
        pass


sys.settrace(angry)
try:
    loop_once()
except KeyError as e:
    print("KeyError", e)
sys.settrace(None)
