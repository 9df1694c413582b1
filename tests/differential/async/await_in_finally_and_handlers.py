# await inside except/finally blocks and in async with exit paths
def run(coro):
    steps = 0
    try:
        while True:
            coro.send(None)
            steps += 1
    except StopIteration as e:
        return e.value, steps
class Step:
    def __await__(self):
        yield
async def cleanup(log, tag):
    await Step()
    log.append("cleanup " + tag)
async def main():
    log = []
    try:
        await Step()
        raise ValueError("boom")
    except ValueError as e:
        await cleanup(log, "in except")
        log.append("handled " + str(e))
    finally:
        await cleanup(log, "in finally")
    try:
        try:
            raise KeyError("k")
        finally:
            await cleanup(log, "finally during propagation")
    except KeyError:
        log.append("caught KeyError")
    return log
print(run(main()))
