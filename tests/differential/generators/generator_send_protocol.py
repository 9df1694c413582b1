# coroutine-style generators: priming, accumulating, returning via StopIteration
def averager():
    total = 0
    count = 0
    avg = None
    while True:
        v = yield avg
        if v is None:
            return (count, avg)
        total += v
        count += 1
        avg = total / count
a = averager()
next(a)
for v in [10, 20, 30]:
    print(a.send(v))
try:
    a.send(None)
except StopIteration as e:
    print("result", e.value)
def grep(pattern):
    matches = []
    try:
        while True:
            line = yield
            if pattern in line:
                matches.append(line)
    except GeneratorExit:
        print("grep closing with", matches)
        raise
g = grep("py")
next(g)
for line in ["python", "rust", "pypy", "c"]:
    g.send(line)
g.close()
def delegating():
    result = yield from averager()
    print("sub-generator returned", result)
    yield "delegator done"
d = delegating()
next(d)
d.send(4)
d.send(6)
print(d.send(None))
