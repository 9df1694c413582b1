# uncaught exception raised inside a generator while iterating
def numbers():
    yield 1
    yield 2
    raise OverflowError("generator overflowed")
for n in numbers():
    print("got", n)
