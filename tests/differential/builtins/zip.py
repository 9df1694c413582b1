# zip(): lengths, strict, laziness, errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: list(zip()))
t(lambda: list(zip([1, 2, 3])))
t(lambda: list(zip([1, 2, 3], "ab")))
t(lambda: list(zip(range(3), "abc", [True, False, None])))
t(lambda: list(zip([1, 2], "ab", strict=True)))
t(lambda: list(zip([1, 2, 3], "ab", strict=True)))
t(lambda: list(zip([1], "ab", strict=True)))
t(lambda: list(zip([1], "a", [], strict=True)))
t(lambda: list(zip(5)))
t(lambda: list(zip([1], 5)))
t(lambda: zip([1], bogus=True))
t(lambda: dict(zip("abc", range(3))))
t(lambda: list(zip(*[(1, "a"), (2, "b")])))
def gen(name, n):
    for i in range(n):
        print("gen", name, i)
        yield i
t(lambda: list(zip(gen("x", 2), gen("y", 5))))
z = zip([1, 2], [3, 4])
t(lambda: next(z))
t(lambda: list(z))
t(lambda: next(z))
t(lambda: type(zip()).__name__)
t(lambda: list(zip(range(3), strict=True)))
it = iter([1, 2, 3, 4, 5, 6])
t(lambda: list(zip(it, it)))
t(lambda: list(zip("ab", strict=False)))
