# *tuple[...] (PEP 646 in 3.11): iterating a GenericAlias gives it starred.
import copy
import pickle

s = (*tuple[int],)[0]
print(repr(s), s.__unpacked__, tuple[int].__unpacked__)
print(s.__typing_unpacked_tuple_args__, tuple[int].__typing_unpacked_tuple_args__, (*list[int],)[0].__typing_unpacked_tuple_args__)
print(s == (*tuple[int],)[0], s == tuple[int], s != tuple[int], hash(s) == hash(tuple[int]))
print(repr(tuple[*tuple[int, str]]), repr(tuple[*tuple[int, ...]]), repr(tuple[str, *tuple[int, ...]]))
print(tuple[*tuple[int]] == tuple[*tuple[int]], tuple[*tuple[int]].__args__)
it = iter(list[int])
print(type(it).__name__, repr(next(it)))
try:
    next(it)
except StopIteration:
    print("StopIteration")
print(repr(it.__reduce__()[1]))
for x in (s, tuple[*tuple[int]], iter(tuple[str])):
    y = pickle.loads(pickle.dumps(x))
    print(type(y).__name__, repr(y) if type(y).__name__ != "generic_alias_iterator" else repr(list(y)))
print(repr(copy.copy(s)), repr(copy.deepcopy(s)))
