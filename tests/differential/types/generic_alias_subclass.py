# A GenericAlias subclass makes instances of itself (as dataclasses need),
# and those instances unite with | like GenericAlias itself.
import dataclasses
import types
import typing


class A(types.GenericAlias):
    pass


a = A(list, int)
print(type(a).__name__, a, a.__origin__, a.__args__)
print(a == list[int], list[int] == a, hash(a) == hash(list[int]))
print(a.__reduce__()[0] is A)

u = int | a
print(type(u).__name__, u, u.__args__ == (int, a))
print(a | list[str] | a, (a | None).__args__[1])
print((list[int] | a) == list[int])
print(int | list[int] | a == typing.Union[int, list[int]])


@dataclasses.dataclass
class D(types.GenericAlias):
    origin: type
    args: type


d = D(list, int)
print(type(d).__name__, dataclasses.is_dataclass(type(d)), dataclasses.is_dataclass(d))

for bad in (lambda: types.GenericAlias(list, int, x=1), lambda: A(list, int, x=1), lambda: A(list)):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)

# Aliases are weakly referenceable, subclasses included.
import weakref
import collections.abc
c = collections.abc.Callable[[int], str]
print(weakref.ref(c)() is c, weakref.ref(a)() is a, type(c).__name__)
