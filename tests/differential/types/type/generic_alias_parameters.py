# Type variables of GenericAlias and UnionType, and their substitution.
import copy
import pickle
import typing

T = typing.TypeVar("T")
S = typing.TypeVar("S")

print(list[int].__parameters__, list[T].__parameters__)
print(list[int | list[T]].__parameters__)
print(list[T][int], dict[T, S][str, int], dict[str, list[T]][int])
print((float | list[T])[int] == float | list[int])
print(list[int | list[T]][str])
print((list[T] | list[S]).__parameters__)
print((list[T] | list[S])[int, T])
print((list[T] | list[S])[int, int])
x = int | T | bytes
print(x[str], x[typing.List[int]])
for bad in (list[int], int | str):
    try:
        bad[int]
    except TypeError as e:
        print("TypeError:", e)
try:
    list[T][int, str]
except TypeError as e:
    print("TypeError:", e)

orig = list[T] | int
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    loaded = pickle.loads(pickle.dumps(orig, proto))
    print(loaded == orig, loaded.__args__ == orig.__args__)
print(copy.copy(orig) == orig, copy.deepcopy(orig) == orig)
print(pickle.loads(pickle.dumps(list[int])))
print(list[int].__reduce_ex__(2)[1])
