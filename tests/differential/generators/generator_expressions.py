# generator expressions: laziness, single iteration, nesting, conditions
def src(n):
    for i in range(n):
        print("produce", i)
        yield i
g = (x * 10 for x in src(3))
print("created")
print(next(g))
print(list(g))
print(list(g))
nested = ((i, j) for i in range(3) if i != 1 for j in range(i))
print(list(nested))
total = sum(x for x in range(100) if x % 7 == 0)
print(total)
squares = (n * n for n in range(10))
print(5 * 5 in squares, list(squares))
matrix = [[1, 2], [3, 4]]
print(list(v for row in matrix for v in row))
gen_of_gens = ((j for j in range(i)) for i in range(4))
print([list(g) for g in gen_of_gens])
try:
    g_err = (1 / x for x in [1, 0, 2])
    for v in g_err:
        print(v)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(list(g_err))
print(type(x for x in []).__name__)
