# throw() and close() of a generator delegating with `yield from`: what the
# sub-iterator receives, the delegating generator's state meanwhile, and the
# frames on the stack.
import sys


def stack_names():
    names = []
    f = sys._getframe(1)
    while f and f.f_code.co_name != "<module>":
        names.append(f.f_code.co_name)
        f = f.f_back
    return names


def f():
    try:
        yield 1
    except RuntimeError:
        print("stack during throw:", stack_names())
        yield 2

def g():
    yield from f()

gen = g()
next(gen)
print(gen.throw(RuntimeError))


# gi_running is true while the throw is passed on.
class Watcher:
    def __init__(self):
        self.outer = None
    def __iter__(self):
        return self
    def __next__(self):
        return "next"
    def throw(self, *args):
        print("sub throw args:", [a if not isinstance(a, BaseException) else repr(a) for a in args])
        print("outer running:", self.outer.gi_running, "suspended:", self.outer.gi_suspended)
        try:
            next(self.outer)
        except ValueError as e:
            print("re-entered:", e)
        return "thrown"
    def close(self):
        print("sub close; outer running:", self.outer.gi_running)

w = Watcher()

def delegating():
    r = yield from w
    print("never", r)

w.outer = gen = delegating()
print(next(gen))
print(gen.gi_yieldfrom is w, gen.gi_running)
print(gen.throw(KeyError))
print(gen.throw(KeyError, "x"))
print(gen.throw(KeyError, KeyError("y"), None))
gen.close()
print("closed:", gen.gi_frame, gen.gi_yieldfrom)


# An iterator without throw(): the exception is raised in the delegator.
class NoThrow:
    def __iter__(self):
        return self
    def __next__(self):
        return 0

def deleg2():
    try:
        yield from NoThrow()
    except ZeroDivisionError as e:
        print("raised in delegator:", repr(e))
        yield "handled"

gen = deleg2()
next(gen)
print(gen.throw(ZeroDivisionError))


# The sub-generator returning from a throw: its value is the result of the
# yield from.
def sub():
    try:
        yield "a"
    except KeyError:
        return "returned"

def main():
    r = yield from sub()
    print("yield from result:", r)
    yield "after"

gen = main()
next(gen)
print(gen.throw(KeyError))


# close() closes the sub-iterator first; a sub-iterator error replaces
# GeneratorExit.
class BadClose:
    def __iter__(self):
        return self
    def __next__(self):
        return 1
    def close(self):
        raise OSError("close failed")

def deleg3():
    try:
        yield from BadClose()
    finally:
        print("finally, handling:", sys.exc_info()[0].__name__)

gen = deleg3()
next(gen)
try:
    gen.close()
except OSError as e:
    print("close raised:", e)


# Ignoring GeneratorExit.
def stubborn():
    ignored = 0
    while True:
        try:
            yield
        except GeneratorExit:
            ignored += 1
            if ignored > 1:
                return

gen = stubborn()
next(gen)
try:
    gen.close()
except RuntimeError as e:
    print(e)
gen.close()
print("second close:", gen.gi_frame)


# close() on a generator returning a value on GeneratorExit, and on one
# never started.
def returner():
    try:
        yield
    except GeneratorExit:
        return 5

gen = returner()
next(gen)
print(gen.close())
gen = returner()
print(gen.close(), gen.gi_frame)


# A generator cannot be re-entered while running.
def reentrant():
    yield me.send(None)

me = reentrant()
try:
    next(me)
except ValueError as e:
    print(e)


# Signals arriving while resuming a yield from chain reach the innermost
# frame.
try:
    import _testcapi
    raise_then_send = _testcapi.raise_SIGINT_then_send_None
except (ImportError, AttributeError):
    raise_then_send = None

def generator1():
    return (yield from generator2())

def generator2():
    try:
        yield
    except KeyboardInterrupt:
        return "PASSED"
    else:
        return "FAILED"

if raise_then_send is not None:
    gen = generator1()
    gen.send(None)
    try:
        raise_then_send(gen)
    except BaseException as e:
        print(type(e).__name__, e.args)
