# generator frames keep local state; closures over generator locals; recursion
def counter(start):
    n = start
    def peek():
        return n
    while True:
        cmd = yield n
        if cmd == "peek":
            yield peek()
        n += 1
c = counter(10)
print(next(c), next(c), c.send("peek"), next(c), next(c))
def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [items[i]] + rest
print(list(permutations([1, 2, 3])))
print(sum(1 for _ in permutations(list(range(6)))))
def tree_walk(t):
    if isinstance(t, list):
        for x in t:
            yield from tree_walk(x)
    else:
        yield t
print(list(tree_walk([1, [2, [3, [4]], 5], [[6]]])))
def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
gen = fib_gen()
print([next(gen) for _ in range(10)])
gens = [(i * j for j in range(3)) for i in range(3)]
print([list(g) for g in gens])
