# breaking out of async for leaves the async generator suspended; explicit aclose runs cleanup
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
class Tick:
    def __await__(self):
        yield
async def numbers():
    try:
        for i in range(10):
            await Tick()
            yield i
    finally:
        print("numbers cleanup")
async def main():
    gen = numbers()
    collected = []
    async for n in gen:
        if n == 3:
            break
        collected.append(n)
    else:
        print("no else after break")
    print("after loop", collected)
    await gen.aclose()
    async for n in numbers():
        if n > 1:
            break
    return "done"
print(run(main()))
