# implicit context is set only when raising during handling; not for re-raise of same object
def ctx(e):
    return type(e.__context__).__name__ if e.__context__ is not None else None
try:
    try:
        raise ValueError("a")
    except ValueError as a:
        raise a
except ValueError as e:
    print("re-raise same object: context", ctx(e))
try:
    try:
        raise ValueError("a")
    except ValueError:
        pass
    raise TypeError("after handler")
except TypeError as e:
    print("raised after handler finished: context", ctx(e))
try:
    try:
        raise ValueError("a")
    finally:
        try:
            raise KeyError("k")
        except KeyError:
            pass
except ValueError as e:
    print("finally with internal handled error: context", ctx(e))
def f():
    raise IndexError("from callee")
try:
    try:
        raise ValueError("a")
    except ValueError:
        f()
except IndexError as e:
    print("callee error during handling: context", ctx(e))
try:
    try:
        raise ValueError("a")
    except ValueError as a:
        b = TypeError("b")
        b.__context__ = None
        raise b
except TypeError as e:
    print("context overwritten at raise:", ctx(e))
try:
    try:
        raise ValueError("a")
    except ValueError:
        raise TypeError("b") from None
except TypeError as e:
    print("from None keeps context:", ctx(e), e.__suppress_context__)
