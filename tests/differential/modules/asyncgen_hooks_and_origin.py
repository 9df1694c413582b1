# sys.set_asyncgen_hooks / get_asyncgen_hooks, coroutine origin tracking,
# the "never awaited" warning, and asyncio.run (which relies on all three).
import sys, gc, asyncio, warnings

log = []
kept = []
def first(g): log.append(('first', type(g).__name__))
def fin(g): log.append(('fin', type(g).__name__)); kept.append(g)

print(sys.get_asyncgen_hooks())
print(type(sys.get_asyncgen_hooks()).__name__)
sys.set_asyncgen_hooks(firstiter=first, finalizer=fin)
h = sys.get_asyncgen_hooks()
print(h.firstiter is first, h[1] is fin, len(h))

async def agen():
    try:
        yield 1
        yield 2
    finally:
        log.append('finally')

g = agen()
print(log)
a = g.__anext__()
print(log)
try:
    a.send(None)
except StopIteration as e:
    print('got', e.value)
del a, g
gc.collect()
print(log)
# The finalizer runs once even though it resurrected the generator.
kept.clear()
gc.collect()
print(log)

for bad in [dict(finalizer=3), dict(firstiter='x'), dict(firstiter=first, finalizer=1.5)]:
    try:
        sys.set_asyncgen_hooks(**bad)
    except TypeError as e:
        print('TypeError', e)
print(sys.get_asyncgen_hooks().firstiter is first)
sys.set_asyncgen_hooks(finalizer=None)
print(sys.get_asyncgen_hooks().finalizer)
sys.set_asyncgen_hooks(None)
print(sys.get_asyncgen_hooks())

# Coroutine origins
async def c():
    return 7
def make():
    return c()
print(sys.get_coroutine_origin_tracking_depth())
sys.set_coroutine_origin_tracking_depth(2)
x = make()
print([(fn.rsplit('/', 1)[-1], line, name) for fn, line, name in x.cr_origin])
x.close()
sys.set_coroutine_origin_tracking_depth(0)
y = c()
print(y.cr_origin)
y.close()
for bad in [-1, 1.0, 'a']:
    try:
        sys.set_coroutine_origin_tracking_depth(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# An unawaited coroutine warns when it is destroyed.
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    c()
    gc.collect()
    print([(x.category.__name__, str(x.message)) for x in w])
    w.clear()

# asyncio: run(), sleeping tasks, and an async generator left unfinished
# (the loop's finalizer hook closes it at shutdown).
async def main():
    t = asyncio.create_task(asyncio.sleep(0.01, result='slept'))
    gen = agen()
    async for v in gen:
        break
    return await t
log.clear()
print(asyncio.run(main()), log)
print(asyncio.run(main(), debug=True), log)
print(sys.get_asyncgen_hooks())

# A generator from a @types.coroutine function can be awaited directly
# (asyncio.sleep(0) relies on it).
import types
@types.coroutine
def bare_yield():
    v = yield 'step'
    return v
async def uses_it():
    return await bare_yield()
co = uses_it()
print(co.send(None))
try:
    co.send('resumed')
except StopIteration as e:
    print('returned', e.value)
def plain():
    yield 1
async def bad():
    await plain()
try:
    bad().send(None)
except TypeError as e:
    print('TypeError', e)
async def zero():
    await asyncio.sleep(0)
    return 'zero'
print(asyncio.run(zero()))
