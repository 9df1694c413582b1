# _lsprof.Profiler: getstats() structure (profiler_entry/profiler_subentry), subcalls/builtins flags, enable/disable/clear, sys.getprofile() identity, recursion counts, profilers enabled mid-stack and disabled with frames open
import _lsprof, sys

T = [0]
def timer():
    T[0] += 10
    return T[0]

def name(c):
    return c if isinstance(c, str) else c.co_name

def dump(p, label):
    print('--', label)
    rows = []
    for e in p.getstats():
        subs = None if e.calls is None else sorted((name(s.code), s.callcount, s.reccallcount, s.totaltime, s.inlinetime) for s in e.calls)
        rows.append((name(e.code), e.callcount, e.reccallcount, e.totaltime, e.inlinetime, subs))
    for r in sorted(rows, key=lambda r: (r[0], r[1])):
        print(r)

def rec(n):
    return 0 if n == 0 else 1 + rec(n - 1)

def a(n):
    return b(n) if n else len('x')

def b(n):
    return a(n - 1)

def leaf():
    return abs(-1)

print(_lsprof.profiler_entry.n_fields, _lsprof.profiler_entry.__module__, _lsprof.profiler_subentry.n_fields)
print(_lsprof.profiler_entry.__name__, _lsprof.profiler_subentry.__name__, _lsprof.Profiler.__name__, _lsprof.Profiler.__module__)
print(sorted(n for n in dir(_lsprof.Profiler) if not n.startswith('_')))

p = _lsprof.Profiler(timer, 1)
print(sys.getprofile(), p.getstats())
p.enable()
print(sys.getprofile() is p)
rec(4); a(3); leaf()
p.disable()
print(sys.getprofile())
dump(p, 'subcalls and builtins')
e = [x for x in p.getstats() if name(x.code) == 'rec'][0]
print(type(e).__name__, len(e), e[1] == e.callcount, e.code is rec.__code__, e.calls[0].code is rec.__code__)
p.clear()
print(p.getstats())

p = _lsprof.Profiler(timer, 1, subcalls=False, builtins=False)
p.enable()
rec(2); leaf()
p.disable()
dump(p, 'no subcalls, no builtins')
p.enable(subcalls=True, builtins=True)
leaf()
p.disable()
dump(p, 'flags turned on by enable()')
p.clear()
p.enable(0, 0)
rec(1); leaf()
p.disable()
dump(p, 'enable(0, 0)')

# enabled inside a running function; its return is not seen
p = _lsprof.Profiler(timer, 1)
def outer():
    p.enable()
    leaf()
    return 1
outer()
leaf()
p.disable()
dump(p, 'enabled mid-stack')

# disabled with frames open: the pending calls are closed out
p = _lsprof.Profiler(timer, 1)
def deep(n):
    if n == 0:
        p.disable()
        return 0
    return deep(n - 1)
p.enable()
deep(3)
dump(p, 'disabled inside deep()')

# a second profiler replaces the first, sys.setprofile(None) removes it
p1 = _lsprof.Profiler(timer, 1); p2 = _lsprof.Profiler(timer, 1)
p1.enable(); leaf(); p2.enable()
print(sys.getprofile() is p2)
leaf()
sys.setprofile(None)
print(sys.getprofile())
leaf()
p1.disable(); p2.disable()
dump(p1, 'p1'); dump(p2, 'p2')

# context-manager use through cProfile.Profile
import cProfile
with cProfile.Profile(timer, 1) as cp:
    print(sys.getprofile() is cp, isinstance(cp, _lsprof.Profiler))
    rec(2)
print(sys.getprofile())
dump(cp, 'cProfile context manager')
cp.create_stats()
print(sorted((k[2], v[0], v[1]) for k, v in cp.stats.items()))

# the default clock: non-negative float seconds
p = _lsprof.Profiler()
p.enable(); rec(3); p.disable()
print([(name(e.code), e.callcount, type(e.totaltime).__name__, e.totaltime >= 0, e.inlinetime <= e.totaltime) for e in sorted(p.getstats(), key=lambda e: name(e.code))])
# a float-seconds custom timer
F = [0.0]
def ftimer():
    F[0] += 0.25
    return F[0]
p = _lsprof.Profiler(ftimer)
p.enable(); leaf(); p.disable()
dump(p, 'float timer')
