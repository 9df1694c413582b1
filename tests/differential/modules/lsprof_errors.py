# _lsprof.Profiler: argument errors of Profiler()/enable()/disable()/clear()/getstats(), failing custom timers reported as unraisable (and read as 0), timers returning floats, ints and bad values
import _lsprof, sys

def leaf():
    return abs(-1)

def attempt(f, *a, **k):
    try:
        r = f(*a, **k)
        print('ok', r if not isinstance(r, _lsprof.Profiler) else type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)

P = _lsprof.Profiler
attempt(P)
attempt(P, 1, 2, 3, 4, 5)
attempt(P, None, 'x')
attempt(P, None, 1.0, 1.5)
attempt(P, None, 1.0, 1, 2.5)
attempt(P, None, 1.0, 'a')
attempt(P, None, 1.0, 2**40)
attempt(P, None, 1.0, -2**40)
attempt(P, foo=1)
attempt(P, None, timer=None)
attempt(P, timeunit=2, subcalls=True, builtins=False)
p = P()
attempt(p.enable, 1, 2, 3)
attempt(p.enable, x=1)
attempt(p.enable, 1.5)
attempt(p.enable, subcalls='s')
attempt(p.disable, 1)
attempt(p.clear, 1)
attempt(p.getstats, 1)
attempt(p.disable)
attempt(p.__init__, lambda: 5, 1)
print(sys.getprofile())
print(issubclass(__import__('cProfile').Profile, P), P.__flags__ & (1 << 10) != 0)

seen = []
def hook(u):
    seen.append((u.exc_type.__name__, str(u.exc_value), u.object is cur_timer))
old = sys.unraisablehook
sys.unraisablehook = hook

def run(timer, unit, label):
    global cur_timer
    cur_timer = timer
    seen.clear()
    p = P(timer, unit)
    p.enable()
    leaf()
    p.disable()
    print('--', label)
    for row in seen[:2]:
        print('  ', row)
    print('   unraisables:', len(seen))
    print('  ', sorted((e.code if isinstance(e.code, str) else e.code.co_name, e.callcount, e.totaltime) for e in p.getstats()))

def boom():
    raise ValueError('no time')
run(boom, 0.0, 'raising timer')
run(lambda: 'x', 1.0, 'str with timeunit')
run(lambda: 1.5, 1.0, 'float with timeunit')
run(lambda: 2**70, 1.0, 'huge int with timeunit')
run(lambda: float('nan'), 0.0, 'nan seconds')
run(lambda: 1e300, 0.0, 'huge float seconds')
run(lambda: 2**62, 0.0, 'huge int seconds')
run(lambda: int, 0.0, 'a type')
run(1, 0.0, 'not callable')
run(None, 0.0, 'explicit None')
C = [0]
def counting():
    C[0] += 3
    return C[0]
run(counting, 0.0, 'int seconds')
run(counting, 0.5, 'ints in half seconds')
sys.unraisablehook = old

# a Profiler freed with calls in progress closes them with its timer
seen = []
sys.unraisablehook = hook
cur_timer = None
def f():
    q = P(lambda: int)
    q.enable()
    r = P(1)
    r.disable()
    print(sys.getprofile())
    return q
f()
print(sorted(set(s[0] for s in seen)))
sys.unraisablehook = old
