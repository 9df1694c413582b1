# A tuple made right after another died reuses its memory, so its id:
# CPython keeps freed small tuples by size and hands them out again.
ids = list(map(id, ((i, i) for i in range(10))))
print("genexp tuples share one id:", len(set(ids)) == 1)


def gen():
    for i in range(5):
        yield (i, i, i)


ids = list(map(id, gen()))
print("generator tuples share one id:", len(set(ids)) == 1)

ids = []
for x in gen():
    ids.append(id(x))
    del x
print("loop with del:", len(set(ids)) == 1)

# Tuples still alive keep distinct ids.
alive = [(i, i) for i in range(5)]
print("alive distinct:", len(set(map(id, alive))) == 5)

# Reused tuples are fully fresh.
a = (1, 2)
del a
b = (3, 4)
print(b, len(b), b[0] + b[1], hash(b) == hash((3, 4)))
t = tuple([None] * 3)
del t
u = (None, "x", 1.5)
print(u)
