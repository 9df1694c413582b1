# async generators: asend/athrow/aclose driven manually, async for
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
class Tick:
    def __await__(self):
        yield "tick"
async def agen(n):
    for i in range(n):
        await Tick()
        yield i
async def consume():
    out = []
    async for v in agen(4):
        out.append(v)
    return out
print(run(consume()))
async def comprehension():
    return [v * 10 async for v in agen(3) if v != 1]
print(run(comprehension()))
async def manual():
    g = agen(2)
    a = await g.__anext__()
    b = await g.__anext__()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        return (a, b, "StopAsyncIteration")
print(run(manual()))
async def echo():
    received = None
    while True:
        received = yield received
async def use_asend():
    g = echo()
    await g.asend(None)
    r1 = await g.asend("x")
    r2 = await g.asend("y")
    await g.aclose()
    return r1, r2
print(run(use_asend()))
async def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("async gen finally")
async def close_early():
    g = with_finally()
    v = await g.__anext__()
    await g.aclose()
    return v
print(run(close_early()))
async def catching():
    try:
        yield "first"
    except KeyError as e:
        yield "caught " + str(e)
async def use_athrow():
    g = catching()
    await g.__anext__()
    r = await g.athrow(KeyError("k"))
    await g.aclose()
    return r
print(run(use_athrow()))
g = agen(1)
print(type(g).__name__, g.__name__, g.ag_running)
print(type(g.__aiter__()).__name__, g.__aiter__() is g)
