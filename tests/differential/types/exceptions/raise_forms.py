# raise statement forms and errors
def t(f):
    try:
        f()
    except BaseException as e:
        print(type(e).__name__, repr(str(e)))

def r1():
    raise ValueError
def r2():
    raise ValueError("msg")
def r3():
    raise 5
def r4():
    raise int
def r5():
    raise
def r6():
    try:
        1 / 0
    except ZeroDivisionError:
        raise
def r7():
    class NotExc:
        pass
    raise NotExc()
def r8():
    raise Exception from 5
def r9():
    class Weird(Exception):
        def __new__(cls, *a):
            return 42
    raise Weird
def r10():
    e = ValueError("reraise")
    try:
        raise e
    except ValueError as x:
        raise x
def r11():
    class E(Exception):
        def __init__(self):
            raise TypeError("init failed")
    raise E
def r12():
    raise SystemExit(0)
def r13():
    raise StopIteration("stop")
def r14():
    raise GeneratorExit
for f in [r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13, r14]:
    print(f.__name__, end=": ")
    t(f)
