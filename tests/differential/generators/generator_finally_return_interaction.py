# return inside finally of a generator overrides exceptions; StopIteration values
def g1():
    try:
        yield 1
        raise ValueError("lost")
    finally:
        return "finally return value"
gen = g1()
print(next(gen))
try:
    next(gen)
except StopIteration as e:
    print("StopIteration", e.value)
except ValueError as e:
    print("ValueError", e)
def g2():
    try:
        yield 1
    finally:
        yield "yield in finally"
gen2 = g2()
print(next(gen2))
print(next(gen2))
try:
    next(gen2)
except StopIteration as e:
    print("exhausted", e.value)
gen3 = g2()
next(gen3)
try:
    gen3.close()
except RuntimeError as e:
    print("RuntimeError", e)
def g3():
    for i in range(3):
        try:
            yield i
        finally:
            print("cleanup", i)
print(list(g3()))
def g4():
    try:
        return "early"
        yield
    finally:
        print("finally before StopIteration")
try:
    next(g4())
except StopIteration as e:
    print("value", e.value)
