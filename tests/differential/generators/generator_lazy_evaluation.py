# evaluation timing: generator bodies start at first next(); first iterable of genexp is eager
def body():
    print("body started")
    yield 1
g = body()
print("generator created")
print(next(g))
def source():
    print("source() called")
    return [1, 2]
ge = (x for x in source())
print("genexp created")
print(list(ge))
def inner_source():
    print("inner iterable evaluated")
    return [10]
ge2 = (x + y for x in [1, 2] for y in inner_source())
print("nested genexp created")
print(list(ge2))
def cond(v):
    print("cond", v)
    return v % 2
ge3 = (v for v in range(4) if cond(v))
print(next(ge3))
print(next(ge3))
