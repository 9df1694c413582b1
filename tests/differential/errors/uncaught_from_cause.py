# uncaught exception with an explicit cause
try:
    [].pop()
except IndexError as e:
    raise LookupError("stack empty") from e
