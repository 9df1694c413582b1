# with statement: multiple items, targets, exceptions, nesting
class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return self.suppress
with CM("a") as a, CM("b") as b:
    print("body", a.name, b.name)
with CM("c") as (x):
    print("paren target", x.name)
class Pair:
    def __enter__(self):
        return (1, [2, 3])
    def __exit__(self, *a):
        pass
with Pair() as (p, [q, r]):
    print(p, q, r)
store = {}
with Pair() as store["k"]:
    pass
print(store)
try:
    with CM("x"), CM("y", suppress=True), CM("z"):
        raise ValueError("inner")
    print("suppressed by y")
except ValueError:
    print("never")
try:
    with CM("outer"):
        with CM("inner"):
            raise KeyError("k")
except KeyError as e:
    print("caught", e)
def gen_with():
    with CM("gen"):
        yield 1
        yield 2
g = gen_with()
print(next(g))
g.close()
class Enter5:
    def __enter__(self):
        return 5
    def __exit__(self, *a):
        return None
try:
    with Enter5() as (a, b):
        pass
except TypeError as e:
    print("TypeError", e)
with CM("exit-order-1"), CM("exit-order-2"):
    pass
class ExitTruthy:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return "non-empty string"
with ExitTruthy():
    raise RuntimeError("swallowed by truthy exit")
print("after truthy exit")
