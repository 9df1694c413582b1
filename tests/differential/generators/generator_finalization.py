# generator cleanup on abandonment, return in finally, exceptions in close
def tracked(name):
    try:
        yield 1
        yield 2
    finally:
        print("cleanup", name)
g = tracked("explicit")
next(g)
g.close()
def scope():
    g = tracked("scope exit")
    next(g)
    print("leaving scope")
scope()
print("after scope")
g = tracked("rebind")
next(g)
g = None
print("after rebind")
for v in tracked("loop break"):
    break
print("after loop")
def raising_finally():
    try:
        yield 1
    finally:
        raise ValueError("from finally during close")
g = raising_finally()
next(g)
try:
    g.close()
except ValueError as e:
    print("ValueError", e)
def never_started():
    try:
        yield
    finally:
        print("never printed")
ns = never_started()
del ns
print("end")
