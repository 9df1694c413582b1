# uncaught exception raised while handling another: both tracebacks, last line is the second
def parse(s):
    try:
        return int(s)
    except ValueError:
        raise RuntimeError("could not parse %r" % s)
print(parse("12"))
print(parse("twelve"))
