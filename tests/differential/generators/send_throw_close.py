# generator send/throw/close protocol
def echo():
    received = []
    try:
        while True:
            try:
                v = yield len(received)
                received.append(v)
            except ValueError as e:
                print("caught in gen:", e)
                yield "recovered"
    finally:
        print("gen finally; received", received)
g = echo()
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(g.throw(ValueError("injected")))
print(next(g))
g.close()
g.close()
try:
    next(g)
except StopIteration:
    print("StopIteration after close")
g2 = echo()
try:
    g2.send("not started")
except TypeError as e:
    print("TypeError", e)
print(g2.send(None))
try:
    g2.throw(KeyError("unhandled"))
except KeyError as e:
    print("KeyError propagated", e)
def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        yield "refusing to die"
g3 = ignore_exit()
next(g3)
try:
    g3.close()
except RuntimeError as e:
    print("RuntimeError", e)
def return_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "ignored value"
g4 = return_on_exit()
next(g4)
print(g4.close())
g5 = echo()
g5.close()
print("closing an unstarted generator skips finally")
def throw_type():
    yield 1
g6 = throw_type()
try:
    g6.throw(ValueError)
except ValueError as e:
    print("ValueError from unstarted throw", repr(e))
try:
    g6.throw(5)
except TypeError as e:
    print("TypeError", e)
