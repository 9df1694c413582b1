# A generator whose code is flagged CO_ITERABLE_COROUTINE (what
# types.coroutine does) can be awaited directly; a plain generator cannot.
def gen():
    x = yield "first"
    return ("got", x)


iterable = gen.__code__.replace(co_flags=gen.__code__.co_flags | 0x100)


def as_coroutine():
    pass


as_coroutine.__code__ = iterable


async def waiter():
    r = await as_coroutine()
    return r


c = waiter()
print(c.send(None))
try:
    c.send(42)
except StopIteration as e:
    print("returned", e.value)


async def bad():
    return await gen()


c = bad()
try:
    c.send(None)
except TypeError as e:
    print(type(e).__name__, e)


# Awaiting through several layers, with throw().
async def outer():
    try:
        return await as_coroutine()
    except KeyError as e:
        return ("caught", e.args)


c = outer()
print(c.send(None))
try:
    c.throw(KeyError("k"))
except StopIteration as e:
    print("returned", e.value)
