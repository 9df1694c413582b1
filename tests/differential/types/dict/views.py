# dict views: keys/values/items, set operations, dynamic views
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

d = {1: "a", 2: "b", 3: "c"}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
d[4] = "d"
print(len(k), list(v), list(it)[-1])
t(lambda: sorted(k & {2, 3, 9}))
t(lambda: sorted(k | {10}))
t(lambda: sorted(k - {1}))
t(lambda: sorted(k ^ {1, 99}))
t(lambda: k == {1, 2, 3, 4})
t(lambda: k < {1, 2, 3, 4, 5})
t(lambda: sorted(it & {(1, "a"), (2, "x")}))
t(lambda: (1, "a") in it)
t(lambda: (1, "z") in it)
t(lambda: "a" in v)
t(lambda: v == v)
t(lambda: v & v)
t(lambda: k.isdisjoint([7, 8]))
t(lambda: k[0])
t(lambda: list(reversed(k)))
t(lambda: list(reversed(v)))
t(lambda: k.mapping[1])
t(lambda: hash(k))
def mutate_iter():
    e = {1: 1, 2: 2}
    for key in e:
        e[key + 10] = 0
t(mutate_iter)
def del_iter():
    e = {1: 1, 2: 2}
    for key in e:
        del e[key]
t(del_iter)
def change_value_ok():
    e = {1: 1, 2: 2}
    for key in e:
        e[key] = 5
    return e
t(change_value_ok)
t(lambda: {}.keys() == set())
t(lambda: type({}.keys()).__name__)
t(lambda: type({}.items()).__name__)
t(lambda: repr({}.values()))
