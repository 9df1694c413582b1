# async with and async for over hand-written protocol objects
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
class Suspend:
    def __await__(self):
        yield
class AsyncCM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    async def __aenter__(self):
        print("aenter", self.name)
        await Suspend()
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        print("aexit", self.name, et.__name__ if et else None)
        await Suspend()
        return self.suppress
class AsyncRange:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        await Suspend()
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
async def main():
    async with AsyncCM("a") as a, AsyncCM("b") as b:
        print("inside", a, b)
    async with AsyncCM("s", suppress=True):
        raise ValueError("suppressed")
    try:
        async with AsyncCM("p"):
            raise KeyError("propagated")
    except KeyError as e:
        print("caught", e)
    total = 0
    async for i in AsyncRange(4):
        total += i
    else:
        print("async for else")
    async for i in AsyncRange(10):
        if i == 2:
            break
    return total, i
print(run(main()))
class NotAsyncCM:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        pass
async def wrong_with():
    async with NotAsyncCM():
        pass
try:
    run(wrong_with())
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
async def wrong_for():
    async for x in [1, 2]:
        pass
try:
    run(wrong_for())
except TypeError as e:
    print("TypeError", e)
class BadAnext:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 5
async def bad_anext():
    async for x in BadAnext():
        pass
try:
    run(bad_anext())
except TypeError as e:
    print("TypeError", e)
