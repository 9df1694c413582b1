# a gather-like combinator on a hand-written loop, with exception propagation
class Suspend:
    def __await__(self):
        yield
def gather(*coros):
    results = [None] * len(coros)
    pending = list(enumerate(coros))
    while pending:
        idx, co = pending.pop(0)
        try:
            co.send(None)
        except StopIteration as e:
            results[idx] = e.value
            continue
        except Exception as e:
            for _, other in pending:
                other.close()
            raise
        pending.append((idx, co))
    return results
async def work(name, n):
    for i in range(n):
        print(name, "step", i)
        await Suspend()
    return name.upper()
async def fail(after):
    for _ in range(after):
        await Suspend()
    raise ValueError("failure after %d steps" % after)
print(gather(work("a", 2), work("b", 1), work("c", 0)))
try:
    gather(work("x", 3), fail(1))
except ValueError as e:
    print("ValueError", e)
