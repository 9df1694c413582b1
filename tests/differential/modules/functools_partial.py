# _functools: partial (flattening, repr, call merging, __reduce__/__setstate__, subclass, __dict__) and reduce
import _functools as f
p = f.partial(print, 1, sep='x'); print(repr(p), p.__reduce__())
q = f.partial(p, 2, end='!\n'); print(repr(q), q.func, q.args, q.keywords)
q(3)
class P(f.partial): pass
r = P(p, 3); print(repr(r), r.func is print, type(r).__name__)
for a in [(), (1,)]:
    try: f.partial(*a)
    except Exception as e: print(type(e).__name__, e)
p.__setstate__((len, (1,), None, None)); print(p.keywords, p.__dict__, p.args)
for s in [1, (1, 2), (1, (), {}, None), (len, [], {}, None), (len, (), [], None)]:
    try: p.__setstate__(s); print(p.__reduce__())
    except Exception as e: print(type(e).__name__, e)
p.__setstate__((max, (1,), {'key': abs}, {'attr': 5})); print(p.attr, p(-3, 2), p.__reduce__()[2][3])
print(f.partial.__module__, p.__class__.__name__)
p = f.partial(max); p.x = 1; print(p.__dict__, p.__reduce__())
pp = f.partial(p, 5); print(pp.func is p, pp.args)
def kw(*a, **k): return a, k
p = f.partial(kw, 1, a=1, b=2)
print(p(2, b=3, c=4), p(), p.keywords)
print(p.keywords is f.partial(p).keywords)
p2 = f.partial(p, a=9); print(p2.keywords, p.keywords)
s = f.partial(kw); s.__setstate__((kw, (), {}, None)); print(repr(s)[:27])
rp = f.partial(kw, 1); rp.__setstate__((kw, (rp,), {}, None)); print(repr(rp).count('...'))
try: p.func = len
except AttributeError as e: print('AttributeError')
print(f.partial[int])
print(f.reduce(lambda a, b: a * b, range(1, 6)), f.reduce(lambda a, b: a + b, [], 'init'), f.reduce(max, [3]))
for a in [(max, []), (max, 1), (max,), (max, [1], 2, 3)]:
    try: print(f.reduce(*a))
    except Exception as e: print(type(e).__name__, e)
try: f.reduce(max, [1], initial=2)
except Exception as e: print(type(e).__name__, e)
def bad(a, b): raise ValueError('bad')
try: f.reduce(bad, [1, 2])
except ValueError as e: print(e)
