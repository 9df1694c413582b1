# the handled exception inside except/finally blocks, generators and nested handlers
def current():
    # a bare raise re-raises the exception currently being handled
    try:
        raise
    except RuntimeError as e:
        if str(e) == "No active exception to reraise":
            return None
        return type(e).__name__
    except BaseException as e:
        return type(e).__name__
print(current())
try:
    raise ValueError("outer")
except ValueError:
    print("in handler", current())
    try:
        raise KeyError("inner")
    except KeyError:
        print("nested handler", current())
    print("back in outer handler", current())
print("after", current())
try:
    raise TypeError
except TypeError:
    pass
finally:
    print("finally after handled", current())
try:
    try:
        raise IndexError
    finally:
        print("finally during propagation", current())
except IndexError:
    pass
def gen():
    try:
        raise ValueError("in gen")
    except ValueError:
        yield current()
        yield current()
g = gen()
print("gen sees", next(g))
print("caller sees", current())
try:
    raise KeyError
except KeyError:
    print("gen resumed inside caller handler", next(g))
def func_in_handler():
    return current()
try:
    raise OSError
except OSError:
    print("callee sees", func_in_handler())
