# await on non-awaitables, bad __await__, syntax errors around async
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
async def await_int():
    await 5
try:
    run(await_int())
except TypeError as e:
    print("TypeError", e)
class BadAwait:
    def __await__(self):
        return 5
async def await_bad():
    await BadAwait()
try:
    run(await_bad())
except TypeError as e:
    print("TypeError", e)
class AwaitReturnsCoroutine:
    def __await__(self):
        async def inner():
            pass
        c = inner()
        c.close()
        return c
async def await_coro_iter():
    await AwaitReturnsCoroutine()
try:
    run(await_coro_iter())
except TypeError as e:
    print("TypeError", e)
async def twice():
    return 1
async def await_twice():
    c = twice()
    a = await c
    b = await c
    return a, b
try:
    run(await_twice())
except RuntimeError as e:
    print("RuntimeError", e)
def c(src):
    try:
        compile(src, "<s>", "exec")
        print("ok")
    except SyntaxError as e:
        print("SyntaxError", e.msg)
c("await x")
c("def f():\n    await x")
c("def f():\n    async with x:\n        pass")
c("def f():\n    async for i in x:\n        pass")
c("async def f():\n    yield from x")
c("async def f():\n    await x")
c("async def f():\n    return [await y for y in x]")
c("def f():\n    return [await y for y in x]")
c("async def f():\n    yield 1\n    return 2")
c("async def f():\n    def g():\n        await x")
c("async def f():\n    lambda: await x")
async def gen():
    yield
g = gen()
try:
    iter(g)
except TypeError as e:
    print("TypeError", e)
async def coro():
    pass
co = coro()
try:
    iter(co)
except TypeError as e:
    print("TypeError", e)
try:
    next(co)
except TypeError as e:
    print("TypeError", e)
co.close()
