# A GenericAlias subclass makes instances of itself (as dataclasses need).
import dataclasses
import types

class A(types.GenericAlias):
    pass
a = A(list, int)
print(type(a).__name__, a, a.__origin__, a.__args__)

@dataclasses.dataclass
class D(types.GenericAlias):
    origin: type
    args: type
d = D(list, int)
print(type(d).__name__, dataclasses.is_dataclass(type(d)), dataclasses.is_dataclass(d))

try:
    types.GenericAlias(list, int, x=1)
except TypeError as e:
    print("TypeError:", e)
