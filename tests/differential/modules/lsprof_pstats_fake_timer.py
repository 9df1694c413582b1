# _lsprof via cProfile and pstats: a deterministic workload under an integer fake timer (timeunit 0.001): call counts, recursion counts and times as pstats prints them
import cProfile, pstats, io, sys

TICKS = 1000
def timer():
    return TICKS

def fact(n):
    global TICKS
    TICKS += 2
    return 1 if n <= 1 else n * fact(n - 1)

def even(n):
    global TICKS
    TICKS += 1
    return True if n == 0 else odd(n - 1)

def odd(n):
    global TICKS
    TICKS += 1
    return False if n == 0 else even(n - 1)

def gen(n):
    global TICKS
    for i in range(n):
        TICKS += 3
        yield i

class Thing:
    def __init__(self, v):
        self.v = v
    def get(self):
        global TICKS
        TICKS += 1
        return self.v
    def __getattr__(self, name):
        global TICKS
        TICKS += 2
        raise AttributeError(name)

def failing():
    global TICKS
    TICKS += 4
    raise ValueError('x')

def work():
    global TICKS
    TICKS += 5
    l = []
    for i in range(4):
        l.append(len(str(i)))
    fact(6)
    even(5)
    total = sum(gen(4))
    t = Thing(3)
    hasattr(t, 'missing')
    t.get()
    try:
        failing()
    except ValueError:
        TICKS += 1
    d = {'a': 1}
    d.get('a')
    sorted(l, key=lambda x: -x)
    isinstance(t, Thing)
    return total

p = cProfile.Profile(timer, 0.001)
p.enable()
work()
work()
p.disable()

def show(method, *args):
    s = io.StringIO()
    st = pstats.Stats(p, stream=s).strip_dirs().sort_stats('stdname')
    getattr(st, method)(*args)
    out = s.getvalue().strip('\n').split('\n')
    for line in out:
        print(line.rstrip())

show('print_stats')
show('print_callers')
show('print_callees')
s = io.StringIO()
pstats.Stats(p, stream=s).strip_dirs().sort_stats('cumulative', 'calls').print_stats(5)
print('\n'.join(l.rstrip() for l in s.getvalue().split('\n')[:14]))
