# PEP 479: StopIteration inside generators becomes RuntimeError
def leaks():
    yield 1
    raise StopIteration("leak")
g = leaks()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__, e.__cause__)
def next_on_empty():
    it = iter([])
    yield next(it)
try:
    list(next_on_empty())
except RuntimeError as e:
    print("RuntimeError", e)
def handled():
    try:
        next(iter([]))
    except StopIteration:
        yield "handled StopIteration"
print(list(handled()))
def return_is_fine():
    yield 1
    return
print(list(return_is_fine()))
try:
    list(x if x < 2 else next(iter([])) for x in range(3))
except RuntimeError as e:
    print("genexp RuntimeError", e)
def stop_async():
    yield 1
    raise StopAsyncIteration
try:
    list(stop_async())
except (RuntimeError, StopAsyncIteration) as e:
    print("sync generator raising StopAsyncIteration:", type(e).__name__)
class It:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration("plain iterator fine")
print(list(It()))
