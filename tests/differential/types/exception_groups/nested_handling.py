# nested exception groups with except*, leftover re-raise, exceptions attribute immutability
def tree(g, indent=0):
    pad = "  " * indent
    if isinstance(g, BaseExceptionGroup):
        print(pad + "%s(%r)" % (type(g).__name__, g.message))
        for e in g.exceptions:
            tree(e, indent + 1)
    else:
        print(pad + "%s(%s)" % (type(g).__name__, g))
eg = ExceptionGroup("outer", [
    ValueError("v1"),
    ExceptionGroup("inner", [TypeError("t1"), ValueError("v2")]),
    KeyError("k1"),
])
try:
    try:
        raise eg
    except* ValueError as g:
        print("handled values:")
        tree(g, 1)
except ExceptionGroup as rest:
    print("leftover:")
    tree(rest, 1)
try:
    eg.exceptions[0] = None
except TypeError as e:
    print("TypeError", e)
try:
    raise ExceptionGroup("all handled", [ValueError(1), ValueError(2)])
except* ValueError as g:
    print("count", len(g.exceptions))
def handler_raises():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("from handler")
    except* TypeError:
        print("type handler still runs")
try:
    handler_raises()
except (ExceptionGroup, KeyError) as e:
    tree(e)
