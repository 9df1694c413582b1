# uncaught RecursionError: the traceback is long, the last line is the message
def forever(n):
    return forever(n + 1)
print("recursing")
forever(0)
