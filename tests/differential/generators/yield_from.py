# yield from: delegation, return values, send/throw passthrough
def inner():
    x = yield "inner-1"
    print("inner got", x)
    y = yield "inner-2"
    print("inner got", y)
    return "inner-result"
def outer():
    r = yield from inner()
    print("outer got result", r)
    yield "outer-done"
g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
try:
    next(g)
except StopIteration:
    print("exhausted")
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(2))))
def catcher():
    try:
        yield 1
    except KeyError as e:
        print("inner caught", e)
        yield "after-catch"
def delegator():
    yield from catcher()
    yield "delegator-end"
d = delegator()
print(next(d))
print(d.throw(KeyError("k")))
print(next(d))
def closer():
    try:
        yield 1
    finally:
        print("inner closed")
def deleg2():
    yield from closer()
d2 = deleg2()
next(d2)
d2.close()
def from_iterator():
    r = yield from iter([1, 2])
    return r
print(list(from_iterator()))
def bad():
    yield from 5
try:
    list(bad())
except TypeError as e:
    print("TypeError", e)
def gen_ret():
    return "ret"
    yield
def get_ret():
    v = yield from gen_ret()
    yield v
print(list(get_ret()))
def stop_value():
    r = yield from (x for x in [])
    yield r
print(list(stop_value()))
def depth(n):
    if n:
        yield n
        yield from depth(n - 1)
print(list(depth(50))[-5:])
