# generator attributes and states
def gen():
    print("started")
    yield 1
    yield 2
g = gen()
print(g.__name__, g.__qualname__, type(g).__name__)
print(g.gi_running, g.gi_frame is not None, g.gi_yieldfrom)
print(next(g))
print(g.gi_frame.f_lineno > 0)
print(list(g))
print(g.gi_frame)
def running():
    yield g2.gi_running
g2 = running()
print(next(g2))
def reentrant():
    yield next(g3)
g3 = reentrant()
try:
    next(g3)
except ValueError as e:
    print("ValueError", e)
print(iter(g) is g)
def gen_code():
    yield
print(gen_code.__code__.co_flags & 0x20 != 0)
def outer():
    yield from inner_g
def inner():
    yield 1
inner_g = inner()
o = outer()
next(o)
print(o.gi_yieldfrom is inner_g)
g4 = gen()
g4.__name__ = "renamed"
print(g4.__name__)
try:
    g4.__name__ = 5
except TypeError as e:
    print("TypeError", e)
