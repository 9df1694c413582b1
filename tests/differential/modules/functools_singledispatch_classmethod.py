# singledispatchmethod over classmethods, and singledispatch through ABCs:
# registering a class with an ABC later invalidates the dispatch cache
# (via abc.get_cache_token).
import collections.abc as cabc
import functools


class A:
    @functools.singledispatchmethod
    @classmethod
    def f(cls, x):
        return ("base", cls.__name__, x)

    @f.register
    @classmethod
    def _(cls, x: int):
        return ("int", cls.__name__, x)

    @f.register(str)
    @classmethod
    def _(cls, x):
        return ("str", cls.__name__, x)

    @functools.singledispatchmethod
    @staticmethod
    def s(x):
        return "static-base"

    @s.register
    @staticmethod
    def _(x: bytes):
        return "static-bytes"


class B(A):
    pass


print(A.f(1), A.f("s"), A.f(1.5))
print(B.f(2), B().f("t"), A().f(True))
print(A.s(b"x"), B().s(1))
print(A.f.__name__ if hasattr(A.f, "__name__") else "-")


@functools.singledispatch
def h(x):
    return "obj"


@h.register
def _(x: cabc.Sequence):
    return "seq"


@h.register
def _(x: cabc.Mapping):
    return "map"


class Q:
    def __len__(self):
        return 0

    def __getitem__(self, i):
        raise IndexError


print(h(Q()), h([]), h({}), h(1))
cabc.Sequence.register(Q)
print(h(Q()))


class R(dict):
    pass


print(h(R()), sorted(k.__name__ for k in h.registry))
try:
    h.register(3)
except TypeError as e:
    print(type(e).__name__, str(e)[:60])
