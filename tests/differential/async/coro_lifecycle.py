# Coroutine life cycle: reuse after completion, throw into awaiting
# coroutines, the never-awaited warning (also from frame.clear() and with a
# broken warnings hook), and errors raised around async for / async with.
import gc
import sys
import types
import warnings


def run(coro):
    out = []
    while True:
        try:
            out.append(coro.send(None))
        except StopIteration as e:
            return out, e.value


async def coroutine():
    return "spam"

coro = coroutine()
try:
    coro.send(None)
except StopIteration as e:
    print("first:", e.value)
for call in (lambda: coro.send(None), lambda: coro.throw(Exception("wat")), lambda: coro.throw(Exception)):
    try:
        call()
    except RuntimeError as e:
        print(type(e).__name__, e)
coro.close()
coro.close()
print("closed quietly")

# The same through the __await__ iterator.
coro = coroutine()
it = coro.__await__()
for call in (lambda: it.send(None), lambda: next(it), lambda: it.send(None), lambda: it.throw(Exception("w"))):
    try:
        call()
    except (StopIteration, RuntimeError) as e:
        print(type(e).__name__, e)
it.close()

# throw() into a coroutine awaiting another one.
@types.coroutine
def nop():
    yield

async def send():
    await nop()
    return "spam"

async def read(c):
    await nop()
    return await c

spammer = send()
reader = read(spammer)
reader.send(None)
reader.send(None)
try:
    reader.throw(Exception("ham"))
except Exception as e:
    print("reader:", e)
reader = read(spammer)
reader.send(None)
for call in (lambda: reader.send(None), lambda: reader.throw(Exception("wat"))):
    try:
        call()
    except RuntimeError as e:
        print("reader:", e)

# The stack seen by a coroutine resumed by throw() is the one send() sees.
import traceback

async def a():
    return await b()

async def b():
    return await c()

@types.coroutine
def c():
    try:
        yield len(traceback.extract_stack())
    except ZeroDivisionError:
        yield len(traceback.extract_stack())

co = a()
print("same depth:", co.send(None) == co.throw(ZeroDivisionError))
co.close()

# Never awaited.
def unawaited(make):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        make()
        gc.collect()
    print([(x.category.__name__, str(x.message)) for x in w])

async def f():
    pass

unawaited(lambda: f())
unawaited(lambda: f().cr_frame.clear())

def clear_then_close():
    co = f()
    co.cr_frame.clear()
    co.close()
unawaited(clear_then_close)

def frame_outlives():
    global frame
    frame = f().cr_frame
unawaited(frame_outlives)
frame.clear()

# A broken warnings._warn_unawaited_coroutine: the error is unraisable and
# the warning is issued directly.
seen = []
old_hook = sys.unraisablehook
sys.unraisablehook = lambda u: seen.append((u.exc_type.__name__, u.object.__qualname__))
orig = warnings._warn_unawaited_coroutine
warnings._warn_unawaited_coroutine = lambda coro: 1 / 0
try:
    unawaited(lambda: f())
finally:
    warnings._warn_unawaited_coroutine = orig
    sys.unraisablehook = old_hook
print("unraisable:", seen)

# Docstrings of the coroutine type.
ct = types.CoroutineType
print("into coroutine" in ct.send.__doc__, "inside coroutine" in ct.close.__doc__, "in coroutine" in ct.throw.__doc__)
print(ct.__dict__["__name__"].__doc__, "|", ct.__dict__["__qualname__"].__doc__, "|", ct.__dict__["cr_await"].__doc__)
print(types.GeneratorType.__dict__["gi_yieldfrom"].__doc__, "|", types.GeneratorType.__dict__["gi_running"].__doc__)

# An __anext__ result that fails to be awaitable: TypeError from the cause.
class F:
    def __aiter__(self):
        return self
    def __anext__(self):
        return self
    def __await__(self):
        1 / 0

async def main():
    async for _ in F():
        pass

try:
    main().send(None)
except TypeError as e:
    print(e, "| cause:", type(e.__cause__).__name__, "| context:", type(e.__context__).__name__, e.__suppress_context__)

# __aexit__ failing while an exception propagates: contexts chain.
class CM:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *e):
        1 / 0

async def foo():
    async with CM():
        async with CM():
            raise RuntimeError

try:
    run(foo())
except ZeroDivisionError as exc:
    print(type(exc.__context__).__name__, type(exc.__context__.__context__).__name__)
