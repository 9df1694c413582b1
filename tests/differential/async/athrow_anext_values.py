# Async generators driven by hand: athrow(typ, val, tb) throws the given
# instance itself (as contextlib's asynccontextmanager does), anext() with a
# default returns the values the generator yields, and a value sent to the
# asend awaitable's first step reaches the generator.
import types

def run(aw):
    """Steps an awaitable to completion without an event loop."""
    try:
        while True:
            aw.send(None)
    except StopIteration as e:
        return e.value

async def gen():
    try:
        v = yield 1
        print("got", v)
        yield 2
    except ValueError as e:
        print("caught", repr(e), e.args)
        yield 3
    except KeyError as e:
        print("caught key", repr(e))

async def main():
    g = gen()
    print(await anext(g, "dflt"))
    print(await g.athrow(ValueError, ValueError("inst"), None))
    print(await anext(g, "dflt"))
    g = gen()
    print(await g.asend(None))
    try:
        await g.athrow(KeyError("k"))
    except StopAsyncIteration:
        print("finished after KeyError")
    g = gen()
    print(await g.asend(None))
    print(await g.athrow(ValueError, "text"))
    try:
        await g.athrow(ValueError("x"), "extra")
    except TypeError as e:
        print("TypeError", e)
    try:
        await gen().athrow(42)
    except TypeError as e:
        print("TypeError", e)

run(main())

# A first send of a non-None value goes to the generator.
async def echo():
    v = yield 1
    v = yield v
    yield v * 100

it = echo()
for value in (None, 10, 12):
    try:
        it.__anext__().send(value)
    except StopIteration as e:
        print("step", e.args)
try:
    echo().__anext__().send(5)
except TypeError as e:
    print("TypeError", e)

# anext(it, default) over a class-based async iterator.
class Count:
    def __init__(self):
        self.n = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        self.n += 1
        if self.n > 2:
            raise StopAsyncIteration
        return self.n

async def counting():
    c = Count()
    return [await anext(c, -1) for _ in range(4)]

print(run(counting()))
