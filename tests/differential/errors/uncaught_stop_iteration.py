# an uncaught StopIteration at module level is an ordinary uncaught exception
it = iter([1])
print(next(it))
print(next(it))
