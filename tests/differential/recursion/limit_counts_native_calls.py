# The recursion limit counts Python frames together with native calls that
# CPython counts (tp_call of classes, repr), but not constructors it calls
# by vectorcall (set, list, dict...): the deepest recursion that still
# succeeds is the same as CPython's.
import sys

def deepest(make):
    def rec(k):
        if k == 0:
            make()
            return
        rec(k - 1)
    n = 10
    while True:
        try:
            rec(n)
        except RecursionError:
            return n
        n += 1

class Plain:
    pass

class WithInit:
    def __init__(self):
        self.x = set()

sys.setrecursionlimit(200)
for name, make in [("nothing", lambda: None), ("set", set), ("frozenset", frozenset), ("list", list),
                   ("dict", dict), ("tuple", tuple), ("float", float), ("bool", bool),
                   ("int", int), ("str", str), ("object", object), ("Plain", Plain), ("WithInit", WithInit)]:
    print(name, deepest(make))
sys.setrecursionlimit(1000)

# A limit that the current depth (with the setrecursionlimit call itself)
# reaches is refused.
def at_depth(k):
    if k:
        return at_depth(k - 1)
    depth = 0
    f = sys._getframe()
    while f:
        depth += 1
        f = f.f_back
    try:
        sys.setrecursionlimit(depth + 1)
    except RecursionError as e:
        print("refused:", str(e).replace(str(depth + 1), "D"))
    sys.setrecursionlimit(depth + 2)
    sys.setrecursionlimit(1000)
    print("depth + 2 accepted")
at_depth(5)
