# exceptions raised inside generator expressions, comprehensions and lambdas propagate normally
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: [1 / x for x in [1, 0]])
t(lambda: {x: 1 / x for x in [2, 0]})
t(lambda: {1 / x for x in [0]})
t(lambda: list(1 / x for x in [0]))
t(lambda: sum(int(s) for s in ["1", "x"]))
t(lambda: sorted([1, 2], key=lambda v: v / 0))
t(lambda: list(map(lambda v: v["k"], [{}])))
t(lambda: max([1, 2], key=lambda v: [][v]))
t(lambda: [y for x in [[1], None] for y in x])
t(lambda: next(x for x in [] if x))
t(lambda: (lambda: undefined_in_lambda)())
def gen():
    yield 1
    raise KeyError("in gen")
t(lambda: [v for v in gen()])
t(lambda: dict((k, v) for k, v in [(1, 2), (3,)]))
t(lambda: any(1 / x for x in [1, 0]))
t(lambda: all(1 / x for x in [0]))
