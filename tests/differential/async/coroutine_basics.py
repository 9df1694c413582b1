# coroutines driven by hand with send(); awaitables via __await__
class Yield:
    def __init__(self, value):
        self.value = value
    def __await__(self):
        got = yield self.value
        return got
def run(coro, feed=()):
    feed = list(feed)
    trace = []
    value = None
    try:
        while True:
            trace.append(coro.send(value))
            value = feed.pop(0) if feed else None
    except StopIteration as e:
        return e.value, trace
async def simple():
    return "result"
print(run(simple()))
async def awaiting():
    a = await Yield("first")
    b = await Yield("second")
    return (a, b)
print(run(awaiting(), ["A", "B"]))
async def chain(n):
    if n == 0:
        return await Yield("bottom")
    return await chain(n - 1)
print(run(chain(5), ["deep"]))
c = simple()
print(type(c).__name__, c.__name__, c.__qualname__)
print(c.cr_running, c.cr_await, c.cr_frame is not None)
c.close()
print(c.cr_frame)
async def f():
    pass
co = f()
try:
    co.send(1)
except TypeError as e:
    print("TypeError", e)
co.close()
co2 = f()
try:
    co2.send(None)
except StopIteration as e:
    print("finished with", e.value)
try:
    co2.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
async def throws():
    try:
        await Yield("waiting")
    except KeyError as e:
        return "caught " + str(e)
t = throws()
print(t.send(None))
try:
    t.throw(KeyError("injected"))
except StopIteration as e:
    print(e.value)
