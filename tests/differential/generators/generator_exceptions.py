# exceptions thrown into generators at various states; throw with traceback-less types
def g():
    try:
        yield 1
    except ValueError:
        print("handled ValueError inside")
        yield "after handling"
    yield "normal"
gen = g()
print(next(gen))
print(gen.throw(ValueError))
print(next(gen))
try:
    gen.throw(KeyError("k"))
except KeyError as e:
    print("KeyError propagated", e)
print(list(gen))
def nested():
    try:
        try:
            yield 1
        finally:
            print("inner finally")
    except TypeError as e:
        print("outer except", e)
        yield 2
n = nested()
next(n)
print(n.throw(TypeError("thrown")))
def gen_raise_in_finally():
    try:
        yield 1
    finally:
        raise RuntimeError("finally error")
r = gen_raise_in_finally()
next(r)
try:
    r.throw(ValueError("original"))
except RuntimeError as e:
    print("RuntimeError", e, "context:", type(e.__context__).__name__)
def exhausted():
    yield 1
e = exhausted()
list(e)
try:
    e.throw(ValueError("into exhausted"))
except ValueError as err:
    print("ValueError from exhausted generator", err)
