# coroutine objects: __await__ iterator, send/throw/close on the wrapper, cr_await
class Pause:
    def __await__(self):
        value = yield "paused"
        return value
async def inner():
    got = await Pause()
    return "inner got %r" % (got,)
async def outer():
    r = await inner()
    return "outer: " + r
co = outer()
it = co.__await__()
print(type(it).__name__, iter(it) is it)
print(next(it))
print(co.cr_await is not None, type(co.cr_await).__name__)
try:
    it.send(42)
except StopIteration as e:
    print("StopIteration", e.value)
co2 = outer()
print(co2.send(None))
try:
    co2.throw(ValueError("thrown in"))
except ValueError as e:
    print("ValueError", e)
print(co2.cr_frame)
co3 = outer()
co3.send(None)
co3.close()
print("closed", co3.cr_frame)
async def returns_immediately():
    return 7
try:
    returns_immediately().send(None)
except StopIteration as e:
    print("immediate", e.value)
print(type(returns_immediately).__name__, returns_immediately.__code__.co_flags & 0x80 != 0)
