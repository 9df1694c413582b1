# tuple packing/unpacking, starred expressions
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

a, b = 1, 2
a, b = b, a
print(a, b)
(x, y), z = (1, 2), 3
print(x, y, z)
first, *rest = "hello"
print(first, rest)
*init, last = [1]
print(init, last)
p, *q, r = range(6)
print(p, q, r)
[m, n] = (7, 8)
print(m, n)
def unpack(seq, n):
    if n == 2:
        a, b = seq
        return a, b
    a, b, c = seq
    return a, b, c
t(lambda: unpack([1, 2, 3], 2))
t(lambda: unpack([1], 2))
t(lambda: unpack([1, 2], 3))
t(lambda: unpack(5, 2))
t(lambda: unpack(iter(range(10)), 3))
def star(seq):
    a, b, *c = seq
    return a, b, c
t(lambda: star([1]))
t(lambda: star("ab"))
t(lambda: (*range(3), *"ab", 9))
t(lambda: [*(), *[]])
t(lambda: (*{1: 2},))
t(lambda: print(*[1, 2], *(3,), sep="-"))
t(lambda: 1, )
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
t(lambda: [a for a, in [(1,), (2,)]])
def gen():
    yield 1
    yield 2
g1, g2 = gen()
print(g1, g2)
