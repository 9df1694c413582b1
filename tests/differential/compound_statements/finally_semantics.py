# finally: overriding returns, break/continue in finally, exceptions swallowed
def f1():
    try:
        return 1
    finally:
        print("f1 finally")
def f2():
    try:
        raise ValueError
    finally:
        return "finally return swallows exception"
def f3():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return "break in finally swallowed " + str(i)
def f4():
    result = []
    for i in range(3):
        try:
            if i == 1:
                raise ValueError
            result.append(i)
        finally:
            continue
    return result
def f5():
    x = "initial"
    try:
        return x
    finally:
        x = "changed in finally"
def f6():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")
def f7():
    try:
        1 / 0
    except ZeroDivisionError:
        return "from except"
    finally:
        print("f7 finally")
def f8():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                return n
        finally:
            print("iteration", n)
for f in [f1, f2, f3, f4, f5, f6, f7, f8]:
    print(f.__name__, f())
def f9():
    try:
        raise ValueError("a")
    finally:
        print("exception in flight inside finally")
try:
    f9()
except ValueError as e:
    print("propagated", e)
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")
g = gen()
print(next(g))
g.close()
print("closed")
