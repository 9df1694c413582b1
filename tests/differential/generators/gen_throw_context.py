# throw() into generators: the thrown exception's __context__, the
# exception a generator sees while its caller handles one, and how throw()
# normalizes its arguments.
import sys
import traceback


def show(label, e):
    ctx = e.__context__
    print(label, type(e).__name__, e.args, "context:", type(ctx).__name__ if ctx else None, ctx.args if ctx else None)


# The context of a thrown exception is what the generator was handling.
def handling():
    try:
        raise KeyError("a")
    except Exception:
        yield

g = handling()
next(g)
try:
    g.throw(ValueError)
except ValueError as e:
    show("yield in except:", e)

# Also seen from inside the generator.
def inside():
    try:
        raise KeyError("b")
    except Exception:
        try:
            yield
        except Exception as exc:
            show("inside:", exc)
            yield "after"

g = inside()
next(g)
print(g.throw(ValueError))

# Through yield from: the inner generator handles nothing, the outer does.
def inner():
    yield

def outer():
    try:
        raise KeyError("c")
    except Exception:
        yield from inner()

g = outer()
next(g)
try:
    g.throw(ValueError)
except ValueError as e:
    show("yield from:", e)

# A generator handling nothing raises with the caller's exception as context.
def plain():
    yield
    try:
        raise TypeError("t")
    except TypeError as exc:
        show("plain:", exc)
        print("exc_info inside:", sys.exc_info()[0].__name__)
    print("after except:", sys.exc_info()[0].__name__)
    yield
    print("later:", sys.exc_info()[0])
    yield "done"

g = plain()
next(g)
try:
    raise ValueError("v")
except ValueError:
    next(g)
print(next(g))

# A bare raise in a generator re-raises the caller's exception.
def reraiser():
    yield
    raise

g = reraiser()
next(g)
try:
    raise IndexError("i")
except IndexError:
    try:
        next(g)
    except IndexError as e:
        print("bare raise:", repr(e))

# A class whose constructor does not return an exception: the TypeError is
# thrown into the generator instead.
class NotAnException(Exception):
    def __new__(cls, *args, **kwargs):
        return cls

def boring():
    yield

g = boring()
try:
    g.throw(NotAnException)
except TypeError as e:
    print("bad class:", str(e).replace(repr(NotAnException), "<cls>"))
print("then:", next(g, "exhausted"))

def catcher():
    try:
        yield
    except TypeError as e:
        print("caught inside:", type(e).__name__)
        yield "caught"

g = catcher()
next(g)
print(g.throw(NotAnException))

# Values: a tuple is the arguments, an instance of the class is used as is.
def echo():
    while True:
        try:
            yield
        except Exception as e:
            print("got", type(e).__name__, e.args)

g = echo()
next(g)
g.throw(ValueError, (1, 2))
g.throw(ValueError, 3)
g.throw(ValueError, ValueError(4))
g.throw(LookupError, KeyError(5))
g.throw(ValueError(6))
for bad in [(ValueError(1), 2), (1,), ("x",)]:
    try:
        g.throw(*bad)
    except TypeError as e:
        print("TypeError:", e)

# Throwing into a generator that has not started runs its frame: the
# traceback has an entry for it, on the def line.
def unstarted():
    yield 1

try:
    unstarted().throw(ValueError, 7)
except ValueError as e:
    print("unstarted:", e, [(f.name, f.lineno - unstarted.__code__.co_firstlineno) for f in traceback.extract_tb(e.__traceback__)][1:])
    # The entry has a line but no columns: no ^^^ markers.
    print(repr(traceback.format_tb(e.__traceback__)[1].split("\n", 1)[1]))

# A plain raise keeps the thrown exception's traceback (#13188).
def f():
    try:
        yield
    except:
        raise

g = f()
next(g)
try:
    1 / 0
except ZeroDivisionError as v:
    try:
        g.throw(v)
    except Exception as w:
        tb = w.__traceback__
levels = 0
while tb:
    levels += 1
    tb = tb.tb_next
print("levels:", levels)

# Exhausted generators: throw raises the exception, send gives StopIteration.
g = boring()
next(g)
next(g, None)
for call in (lambda: g.throw(KeyError("k")), lambda: g.send(1), lambda: next(g)):
    try:
        call()
    except BaseException as e:
        print("exhausted:", type(e).__name__, e.args)
