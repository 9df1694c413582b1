# __cause__, __context__, __suppress_context__, raise from
def show(e):
    print(type(e).__name__, e,
          "| cause:", type(e.__cause__).__name__ if e.__cause__ else None,
          "| context:", type(e.__context__).__name__ if e.__context__ else None,
          "| suppress:", e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")
except ValueError as e:
    show(e)
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError("from") from z
except ValueError as e:
    show(e)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("from none") from None
except ValueError as e:
    show(e)
try:
    raise KeyError("k") from TypeError("cause")
except KeyError as e:
    show(e)
try:
    raise KeyError("k") from TypeError
except KeyError as e:
    show(e)
try:
    raise KeyError("k") from 5
except TypeError as e:
    show(e)
e = ValueError()
e.__cause__ = KeyError()
show(e)
try:
    e.__cause__ = 5
except TypeError as x:
    print("TypeError", x)
try:
    e.__context__ = "s"
except TypeError as x:
    print("TypeError", x)
def cycle():
    try:
        raise ValueError("a")
    except ValueError as a:
        try:
            raise a
        except ValueError as b:
            return b is a, b.__context__
print(cycle())
try:
    try:
        raise ValueError("inner")
    finally:
        pass
except ValueError as e:
    show(e)
try:
    try:
        raise ValueError("v")
    finally:
        raise TypeError("in finally")
except TypeError as e:
    show(e)
