# async comprehensions and await inside comprehensions
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
class Ready:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        yield
        return self.v
async def arange(n):
    for i in range(n):
        await Ready(None)
        yield i
async def main():
    a = [x async for x in arange(4)]
    b = {x % 2 async for x in arange(5)}
    c = {x: x * x async for x in arange(3)}
    d = [await Ready(x * 2) for x in range(3)]
    e = [y async for x in arange(3) for y in range(x)]
    f = [x async for x in arange(6) if x % 2 if x > 1]
    g = (x async for x in arange(3))
    h = [v async for v in g]
    return a, sorted(b), c, d, e, f, h
for part in run(main()):
    print(part)
async def nested():
    return [[z async for z in arange(i)] for i in range(3)]
print(run(nested()))
async def agen_expr_type():
    g = (x async for x in arange(1))
    name = type(g).__name__
    await g.aclose()
    return name
print(run(agen_expr_type()))
