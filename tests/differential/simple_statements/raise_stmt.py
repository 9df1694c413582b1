# raise statement variants
def t(f):
    try:
        f()
    except BaseException as e:
        print(type(e).__name__, repr(str(e)), type(e.__cause__).__name__ if e.__cause__ else "-", type(e.__context__).__name__ if e.__context__ else "-")

def bare_outside():
    raise
t(bare_outside)
def class_raise():
    raise KeyError
t(class_raise)
def inst_raise():
    raise KeyError("key")
t(inst_raise)
def from_class():
    raise ValueError("v") from KeyError
t(from_class)
def from_none():
    try:
        {}["x"]
    except KeyError:
        raise ValueError("replaced") from None
t(from_none)
def reraise_in_nested_handler():
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise TypeError("second")
        except TypeError:
            pass
        raise
t(reraise_in_nested_handler)
def raise_non_exception():
    raise "string"
t(raise_non_exception)
def raise_from_non_exception():
    raise ValueError from "x"
t(raise_from_non_exception)
def raise_exit():
    raise SystemExit("not really exiting")
t(raise_exit)
def raise_in_finally():
    try:
        raise ValueError("lost")
    finally:
        raise KeyError("kept")
t(raise_in_finally)
def context_chain():
    try:
        try:
            raise ValueError(1)
        except ValueError:
            raise TypeError(2)
    except TypeError:
        raise KeyError(3)
try:
    context_chain()
except KeyError as e:
    chain = []
    cur = e
    while cur:
        chain.append(type(cur).__name__)
        cur = cur.__context__
    print(chain)
def bare_after_handled():
    try:
        raise ValueError("handled")
    except ValueError:
        pass
    raise
t(bare_after_handled)
