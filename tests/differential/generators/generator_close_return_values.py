# close() semantics: return value ignored, exceptions during close, closing suspended yield from
def g1():
    try:
        yield 1
    except GeneratorExit:
        print("g1 GeneratorExit")
        raise
x = g1()
next(x)
print(x.close())
def g2():
    try:
        yield 1
    finally:
        print("g2 finally")
        return
y = g2()
next(y)
print(y.close())
def inner():
    try:
        yield "inner"
    finally:
        print("inner closed")
def outer():
    try:
        yield from inner()
    finally:
        print("outer closed")
z = outer()
print(next(z))
z.close()
def gen_that_catches_all():
    while True:
        try:
            yield
        except Exception:
            print("caught an Exception (GeneratorExit is not one)")
w = gen_that_catches_all()
next(w)
w.close()
print("closed cleanly")
