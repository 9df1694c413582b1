# A frame that outlives its call (held by a traceback or sys._getframe())
# keeps its locals readable; a finished generator lets go of its caller.
import sys


def f():
    x = 12
    try:
        x / 0
    except Exception:
        return sys.exc_info()[2]


tb = f()
print(sorted(tb.tb_frame.f_locals.items()))


def g():
    y = [1, 2]
    z = 'z'
    return sys._getframe()


fr = g()
print(sorted(fr.f_locals.items()))
print(fr.f_back is None or fr.f_back.f_code.co_name)


class Tracked:
    alive = 0

    def __init__(self):
        Tracked.alive += 1

    def __del__(self):
        Tracked.alive -= 1


def gen():
    yield 1
    yield 2


def consume():
    t = Tracked()
    for _ in gen():
        pass
    return t is not None


print(consume(), Tracked.alive)


def keeps_generator():
    t = Tracked()
    g = gen()
    for _ in g:
        pass
    return g


g = keeps_generator()
print(Tracked.alive, g.gi_frame)


def nested():
    a = 'outer'

    def inner():
        b = 'inner'
        return sys._getframe()
    return inner()


inner_frame = nested()
print(sorted(inner_frame.f_locals.items()))
print(sorted(inner_frame.f_back.f_locals))
