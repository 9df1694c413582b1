# for loops over every kind of builtin iterable
iterables = [
    [1, 2], (3, 4), "ab", b"cd", bytearray(b"ef"), range(2), {"k1": 1, "k2": 2},
    {"a": 1}.values(), {"a": 1}.items(), frozenset([7]), iter([8, 9]), enumerate("x"),
    zip("ab", "cd"), map(abs, [-1]), filter(None, [0, 5]), reversed([1, 2]), memoryview(b"gh"),
    (x for x in [10]), sorted([3, 1]),
]
for it in iterables:
    out = []
    for v in it:
        out.append(v)
    print(type(it).__name__, out)
