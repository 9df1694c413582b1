# except* handling
def run(exc):
    try:
        raise exc
    except* ValueError as g:
        print("ValueError group:", [repr(e) for e in g.exceptions])
    except* (TypeError, KeyError) as g:
        print("Type/Key group:", sorted(type(e).__name__ for e in g.exceptions))
run(ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3), ValueError(4)]))
run(ValueError("naked"))
try:
    run(ExceptionGroup("eg", [ValueError(1), OSError(5)]))
except ExceptionGroup as rest:
    print("unhandled:", rest.message, [type(e).__name__ for e in rest.exceptions])
try:
    run(OSError("plain"))
except OSError as e:
    print("plain passes through:", type(e).__name__, e)
def reraise():
    try:
        raise ExceptionGroup("x", [ValueError(1)])
    except* ValueError:
        raise
try:
    reraise()
except ExceptionGroup as e:
    print("reraised:", e.message, [repr(x) for x in e.exceptions])
def new_raise():
    try:
        raise ExceptionGroup("x", [ValueError(1)])
    except* ValueError:
        raise KeyError("new")
try:
    new_raise()
except (ExceptionGroup, KeyError) as e:
    print("new raise:", type(e).__name__, type(e.__context__).__name__)
try:
    exec("try:\n    pass\nexcept* ExceptionGroup:\n    pass\n")
except TypeError as e:
    print("TypeError", e)
def eg_match():
    try:
        raise ExceptionGroup("x", [ValueError()])
    except* ExceptionGroup:
        pass
try:
    eg_match()
except TypeError as e:
    print("TypeError", e)
try:
    exec("try:\n    pass\nexcept* ValueError:\n    pass\nexcept KeyError:\n    pass\n")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    exec("for i in []:\n  try:\n    pass\n  except* ValueError:\n    break\n")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        print("handled")
    else:
        print("else")
    finally:
        print("finally")
except Exception:
    print("never")
