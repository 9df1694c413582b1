# a producer/consumer pair on a hand-written scheduler with a queue awaitable
from_queue = []
class Queue:
    def __init__(self):
        self.items = []
    def put(self, item):
        self.items.append(item)
    def get(self):
        q = self
        class Get:
            def __await__(self):
                while not q.items:
                    yield "wait"
                return q.items.pop(0)
        return Get()
class Yield:
    def __await__(self):
        yield "yield"
async def producer(q, n):
    for i in range(n):
        print("produce", i)
        q.put(i)
        await Yield()
    q.put(None)
async def consumer(q, name):
    total = 0
    while True:
        item = await q.get()
        if item is None:
            q.put(None)
            return total
        print(name, "consume", item)
        total += item
def run_all(coros):
    results = {}
    tasks = list(coros.items())
    while tasks:
        name, coro = tasks.pop(0)
        try:
            coro.send(None)
            tasks.append((name, coro))
        except StopIteration as e:
            results[name] = e.value
    return results
q = Queue()
print(sorted(run_all({"p": producer(q, 5), "c1": consumer(q, "c1"), "c2": consumer(q, "c2")}).items()))
