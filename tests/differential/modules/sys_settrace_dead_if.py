# Line events around bodies that can never run (`if False:`): the code after
# them keeps the `if` line (test_patma's test_unreachable_code).
import sys


def f(command):
    match command:
        case 1:
            if False:
                return 1
        case _:
            if False:
                return 0


def g(c):
    if c:
        if False:
            return 1
    else:
        pass


def h(c):
    while c:
        if 0:
            return 1
        c = 0


def k(c):
    if c:
        if None:
            x = 1
            y = 2
        elif c > 1:
            return "big"
    return "end"


def tr(fn, *a):
    out = []

    def t(fr, ev, arg):
        if ev == "line" and fr.f_code is fn.__code__:
            out.append(fr.f_lineno - fn.__code__.co_firstlineno)
        return t

    sys.settrace(t)
    try:
        r = fn(*a)
    finally:
        sys.settrace(None)
    print(fn.__name__, a, out, r)


tr(f, 1)
tr(f, 0)
tr(g, 1)
tr(g, 0)
tr(h, 1)
tr(k, 0)
tr(k, 1)
tr(k, 2)
