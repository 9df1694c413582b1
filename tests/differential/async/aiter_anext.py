# aiter()/anext(): async iterables, the default value, and their errors
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
class Tick:
    def __await__(self):
        yield
async def agen(n):
    for i in range(n):
        await Tick()
        yield i
class Counter:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
async def main():
    it = aiter(agen(2))
    print(await anext(it), await anext(it), await anext(it, "done"), await anext(it, None))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    c = aiter(Counter(1))
    print(c.__class__.__name__, await anext(c), await anext(c, "end"))
    aw0 = anext(Counter(0), 1)
    print(type(aw0).__name__, await aw0)
    for bad in (lambda: aiter(1), lambda: anext(1), lambda: anext(1, 2), lambda: aiter(), lambda: anext(it, 1, 2)):
        try:
            bad()
        except TypeError as e:
            print("TypeError", e)
    class BadAiter:
        def __aiter__(self):
            return 1
    try:
        aiter(BadAiter())
    except TypeError as e:
        print("TypeError", e)
    aw = anext(agen(0), "x")
    print(aw.__await__() is aw)
    return "ok"
print(run(main()))
