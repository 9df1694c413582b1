# What a GenericAlias answers itself and what it hands to its origin;
# more builtin generic classes; unions' __module__; _typing.
import types
import weakref
import _typing

t = list[int]
a = t()
t.append(a, "foo")
print(a, t.__getitem__(a, 0), t.__len__(a))
print(t.__origin__, t.__args__, t.__parameters__, t.__class__.__name__)
d = dir(t)
print(all(n in d for n in dir(list)), [n for n in ("__origin__", "__args__", "__parameters__", "__unpacked__") if n in d])
print(enumerate[int], types.AsyncGeneratorType[int], weakref.ref[int], dict[str, list[int]])
print(list(enumerate("ab")), weakref.ref(types).__class__.__name__)
u = int | str
print(u.__module__, type(u).__module__, (int | list[int]).__args__)
print(_typing._idfunc(5), _typing._idfunc.__name__)
try:
    isinstance([], list[int])
except TypeError as e:
    print(type(e).__name__, e)
