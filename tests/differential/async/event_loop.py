# a tiny round-robin event loop with tasks, sleeps and joins
class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        yield ("sleep", self.ticks)
class Loop:
    def __init__(self):
        self.now = 0
        self.ready = []
        self.sleeping = []
        self.results = {}
        self.seq = 0
    def spawn(self, name, coro):
        self.ready.append((name, coro))
    def run(self):
        while self.ready or self.sleeping:
            if not self.ready:
                self.sleeping.sort()
                wake, _, name, coro = self.sleeping.pop(0)
                self.now = wake
                self.ready.append((name, coro))
            name, coro = self.ready.pop(0)
            try:
                cmd = coro.send(None)
            except StopIteration as e:
                print("t=%d %s finished -> %r" % (self.now, name, e.value))
                self.results[name] = e.value
                continue
            except Exception as e:
                print("t=%d %s crashed: %s %s" % (self.now, name, type(e).__name__, e))
                continue
            kind, ticks = cmd
            self.seq += 1
            self.sleeping.append((self.now + ticks, self.seq, name, coro))
        return self.results
async def worker(name, delays):
    total = 0
    for d in delays:
        print("%s sleeping %d" % (name, d))
        await Sleep(d)
        total += d
    return total
async def failing():
    await Sleep(2)
    raise ValueError("task failed")
loop = Loop()
loop.spawn("a", worker("a", [3, 1]))
loop.spawn("b", worker("b", [1, 1, 1]))
loop.spawn("c", failing())
loop.spawn("d", worker("d", []))
print(sorted(loop.run().items()))
print("final time", loop.now)
