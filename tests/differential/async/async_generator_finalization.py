# async generators: aclose before start, athrow into suspended, return inside finally
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
class Tick:
    def __await__(self):
        yield
async def agen():
    try:
        await Tick()
        yield "a"
        await Tick()
        yield "b"
    finally:
        print("agen cleanup")
async def main():
    g = agen()
    await g.aclose()
    print("closed before start (no cleanup printed)")
    g2 = agen()
    print(await g2.__anext__())
    try:
        await g2.athrow(ValueError("thrown"))
    except ValueError as e:
        print("ValueError propagated", e)
    try:
        await g2.__anext__()
    except StopAsyncIteration:
        print("exhausted after throw")
    g3 = agen()
    out = [v async for v in g3]
    return out
print(run(main()))
async def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
async def bad_close():
    g = ignores_exit()
    await g.__anext__()
    try:
        await g.aclose()
    except RuntimeError as e:
        print("RuntimeError", e)
run(bad_close())
