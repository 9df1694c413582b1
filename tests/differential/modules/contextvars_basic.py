# _contextvars: ContextVar get/set/reset, Token, Context run/copy/mapping, errors.
import contextvars
from contextvars import ContextVar, Context, copy_context
v = ContextVar('v', default=1)
w = ContextVar('w')
print(v.get(), v.name, w.get(5))
try:
    w.get()
except LookupError as e:
    print('LookupError', e.args[0] is w)
t = v.set(2)
print(v.get(), t.var is v, t.old_value is contextvars.Token.MISSING, repr(t.old_value))
ctx = copy_context()
print(ctx[v], v in ctx, w in ctx, len(ctx), list(ctx) == [v], ctx.get(w, 'd'), ctx.get(w))
def f(x):
    v.set(x)
    return v.get(), len(copy_context())
print(ctx.run(f, 10), v.get(), ctx[v])
print(ctx.run(lambda a, b=0: a + b, 1, b=2))
v.reset(t)
print(v.get())
try:
    v.reset(t)
except RuntimeError as e:
    print('RuntimeError', 'has already been used once' in str(e))
try:
    w.reset(v.set(3))
except ValueError as e:
    print('ValueError', 'different ContextVar' in str(e))
tok = v.set(4)
try:
    ctx.run(v.reset, tok)
except ValueError as e:
    print('ValueError', 'different Context' in str(e))
try:
    ctx.run(lambda: ctx.run(lambda: 0))
except RuntimeError as e:
    print('RuntimeError', 'already entered' in str(e))
c2 = Context()
print(len(c2), c2 == Context(), ctx == ctx.copy(), ctx != c2, ctx == 1)
for bad in (lambda: ctx[1], lambda: 1 in ctx, lambda: ctx.get('a'), lambda: hash(ctx), lambda: Context(1),
            lambda: ContextVar(1), lambda: contextvars.Token(), lambda: ContextVar('a', 1)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
try:
    ctx[w]
except KeyError as e:
    print('KeyError', e.args[0] is w)
print(ContextVar[int], contextvars.Token[int])
print(type(ctx).__name__, type(v).__module__, sorted(k.name for k in ctx.keys()), list(ctx.values()), len(ctx.items()))

# Context snapshots are immutable: a copy does not see later sets.
x = ContextVar('x')
x.set(1)
snap = copy_context()
x.set(2)
print(snap[x], x.get(), copy_context()[x])
def inner():
    x.set(99)
    return copy_context()[x]
print(snap.run(inner), snap[x], x.get())
print(repr(contextvars.Token.MISSING), type(x).__name__)
try:
    x.reset(1)
except TypeError as e:
    print(type(e).__name__, str(e).startswith('expected an instance of Token'))
try:
    class Sub(ContextVar):
        pass
except TypeError as e:
    print(type(e).__name__, e)
