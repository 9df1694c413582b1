# Inside an except* clause the exception being handled is the matched part
# of the group: sys.exception() shows it, and errors raised there get it as
# their __context__.
import sys

orig = ExceptionGroup("eg", [ValueError(1), OSError(2), OSError(3)])
try:
    try:
        raise orig
    except* OSError as e:
        print("handling", repr(sys.exception()), sys.exception() is e)
        raise TypeError(3)
except ExceptionGroup as e:
    exc = e
print(repr(exc), repr(exc.exceptions))
print(repr(exc.exceptions[0].__context__))

try:
    try:
        raise ExceptionGroup("eg", [KeyError("k"), IndexError(0)])
    except* KeyError:
        print("first", repr(sys.exception()))
    except* IndexError:
        print("second", repr(sys.exception()))
        raise RuntimeError("in second")
except Exception as e:
    print(repr(e), repr(e.__context__))
print("after", repr(sys.exception()))

try:
    raise ExceptionGroup("eg", [KeyError("k")])
except* KeyError:
    try:
        raise ValueError("inner")
    except ValueError as inner:
        print(repr(inner.__context__))
    print("restored", repr(sys.exception()))
print("done", sys.exception())
