# A suspended generator in a reference cycle is closed (its finally runs)
# before the collector clears the cycle, and what gc.callbacks allocate
# during a collection does not start another one.
import gc


def make_cycle(log):
    def gen():
        try:
            g = yield
            yield 1
        finally:
            log.append("finally ran")
    g = gen()
    next(g)
    g.send(g)
    return g


log = []
g = make_cycle(log)
del g
gc.collect()
print(log)

calls = []


def cb(phase, info):
    # Allocates plenty of containers while the collection runs.
    junk = [[i] for i in range(100)]
    calls.append(phase)


old = gc.get_threshold()
gc.callbacks.append(cb)
gc.set_threshold(1, 0, 0)
try:
    x = [[] for _ in range(5)]
finally:
    gc.set_threshold(*old)
    gc.callbacks.remove(cb)
print("callbacks balanced:", calls.count("start") == calls.count("stop"))
print("some collections:", len(calls) > 0)
print("bounded:", len(calls) < 50)
