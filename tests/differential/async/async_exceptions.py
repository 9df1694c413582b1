# exceptions through await chains, finally in coroutines, StopIteration in coroutines
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
class Suspend:
    def __await__(self):
        yield
async def level3():
    await Suspend()
    raise ValueError("deep failure")
async def level2():
    try:
        await level3()
    finally:
        print("level2 finally")
async def level1():
    try:
        await level2()
    except ValueError as e:
        return "level1 caught: " + str(e)
print(run(level1()))
async def raises_stop():
    raise StopIteration("inside coroutine")
try:
    run(raises_stop())
except RuntimeError as e:
    print("RuntimeError", e)
async def chained():
    try:
        await level3()
    except ValueError as e:
        raise KeyError("wrapped") from e
try:
    run(chained())
except KeyError as e:
    print("KeyError", e, "cause:", type(e.__cause__).__name__)
async def close_me():
    try:
        await Suspend()
        await Suspend()
    finally:
        print("coroutine finally on close")
c = close_me()
c.send(None)
c.close()
async def ignore_close():
    try:
        await Suspend()
    except GeneratorExit:
        await Suspend()
c2 = ignore_close()
c2.send(None)
try:
    c2.close()
except RuntimeError as e:
    print("RuntimeError", e)
