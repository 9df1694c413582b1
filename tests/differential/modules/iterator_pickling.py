# Pickling and copying the builtin iterators (list/tuple/range iterators,
# reversed lists, filter, map, zip): __reduce__ and __setstate__ as CPython,
# so a partly consumed iterator continues where it was.
import pickle, copy

def roundtrip(it, proto):
    return pickle.loads(pickle.dumps(it, proto))

def show(name, make, take=1):
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        it = make()
        head = [next(it) for _ in range(take)]
        it2 = roundtrip(it, proto)
        print(name, proto, head, list(it2), list(it), type(it2).__name__)

show("list", lambda: iter([1, 2, 3]))
show("tuple", lambda: iter((1, 2, 3)))
show("range", lambda: iter(range(10, 0, -3)))
show("bigrange", lambda: iter(range(2**70, 2**70 + 5, 2)))
show("reversed", lambda: reversed([1, 2, 3]))
show("filter", lambda: filter(None, [0, 1, 2, 0, 3]))
show("filterfunc", lambda: filter(abs, [0, -1, 0, 2]))
show("map", lambda: map(pow, [2, 3, 4], [1, 2, 3]))
show("zip", lambda: zip("abc", range(3)))

it = iter([1, 2])
list(it)
print(it.__reduce__(), list(roundtrip(it, 2)))
it = iter((1,))
next(it)
print(it.__reduce__())
print(iter([5, 6, 7]).__reduce__())
print(reversed([5, 6]).__reduce__()[1:], iter((1, 2)).__reduce__()[1:])
print(map(abs, [1]).__reduce__()[0] is map, filter(None, [1]).__reduce__()[1][0])
z = zip([1], [2], strict=True)
print(z.__reduce__()[2], list(copy.copy(z)))
try:
    list(roundtrip(zip([1, 2], [3], strict=True), 2))
except ValueError as e:
    print("ValueError", e)

# __setstate__ clamps its index.
for make, st in [(lambda: iter([1, 2, 3]), 5), (lambda: iter([1, 2, 3]), -4), (lambda: iter((1, 2, 3)), 2),
                 (lambda: reversed([1, 2, 3]), 7), (lambda: reversed([1, 2, 3]), -5), (lambda: reversed([1, 2, 3]), 1)]:
    it = make()
    it.__setstate__(st)
    print(list(it))
r = iter(range(10))
r.__setstate__(4)
print(list(r))
r = iter(range(3))
r.__setstate__(9)
print(list(r))
print(list(copy.deepcopy(iter([[1], [2]]))))
