# Classes are collected once only cycles keep them: a class and its MRO,
# its methods' closures, a metaclass, ABCs and their registrations.
import abc
import gc
import weakref


def check(name, make):
    r = weakref.ref(make())
    gc.collect()
    print(name, r() is None)


def plain():
    class G:
        def m(self): return G
    return G


def with_instance_cycle():
    class G:
        pass
    g = G()
    g.me = g
    G.inst = g
    return G


def with_meta():
    class Meta(type):
        pass
    class G(metaclass=Meta):
        pass
    Meta.last = G
    return G


def an_abc():
    class G(abc.ABC):
        @abc.abstractmethod
        def f(self): ...
    class H(G):
        def f(self): return 1
    isinstance(H(), G)
    return H


class Root(abc.ABC):
    pass


def registered():
    class G:
        pass
    Root.register(G)
    issubclass(G, Root)
    return G


def cached_method():
    import functools
    class A:
        @functools.lru_cache
        def m(self, x): return x
    A().m(1)
    return A


for name, make in [("plain", plain), ("instance", with_instance_cycle), ("meta", with_meta),
                   ("abc", an_abc), ("registered", registered), ("lru", cached_method)]:
    check(name, make)

# A class still in use survives a collection and keeps working.
class Kept:
    x = 5
r = weakref.ref(Kept)
gc.collect()
print(r() is Kept, Kept.x, Kept.__mro__[0] is Kept)
print(issubclass(bool, int), isinstance(Root, abc.ABCMeta))
