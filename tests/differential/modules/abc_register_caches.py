# The native _abc module: registration, the weak caches, the cache token,
# abstract methods, and the errors of ABCMeta's helpers.
import abc
import gc
import _abc


class A(abc.ABC):
    @abc.abstractmethod
    def f(self): ...

    def g(self): ...


class B(A):
    def f(self): return 1


print(sorted(A.__abstractmethods__), sorted(B.__abstractmethods__))
try:
    A()
except TypeError as e:
    print(type(e).__name__, e)
print(B().f())

class Plain: pass

tok = abc.get_cache_token()
print(issubclass(Plain, A), isinstance(Plain(), A))
print(A.register(Plain) is Plain, abc.get_cache_token() == tok + 1)
print(issubclass(Plain, A), isinstance(Plain(), A))
reg, cache, neg, ver = _abc._get_dump(A)
print(type(reg).__name__, [r() is Plain for r in reg], Plain in [c() for c in cache])
print(A.register(Plain) is Plain, abc.get_cache_token() == tok + 1)  # already a subclass

class Sub(Plain): pass
print(issubclass(Sub, A), isinstance(Sub(), A))

_abc._reset_caches(A)
print([len(s) for s in _abc._get_dump(A)[:3]])
print(issubclass(Plain, A))
_abc._reset_registry(A)
_abc._reset_caches(A)
print(issubclass(Plain, A), issubclass(Sub, A))

# The registry holds its classes weakly.
class Gone: pass
A.register(Gone)
print(len(_abc._get_dump(A)[0]))
del Gone
gc.collect()
print(len(_abc._get_dump(A)[0]))

# A negative answer is forgotten once anything registers.
class Late: pass
print(issubclass(Late, B))
B.register(Late)
print(issubclass(Late, B), issubclass(Late, A))

for bad in (lambda: A.register(1), lambda: B.register(A), lambda: issubclass(1, A)):
    try:
        bad()
    except (TypeError, RuntimeError) as e:
        print(type(e).__name__, e)

class Hooked(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if C is int: return True
        if C is str: return False
        if C is float: return 1
        return NotImplemented

print(issubclass(int, Hooked), issubclass(str, Hooked), issubclass(bytes, Hooked))
try:
    issubclass(float, Hooked)
except AssertionError as e:
    print(type(e).__name__, e)

class NotImpl: pass
NotImpl._abc_impl = 5
try:
    _abc._abc_instancecheck(NotImpl, 1)
except TypeError as e:
    print(type(e).__name__, e)

# __class__ that differs from type(): both are checked.
class Proxy:
    @property
    def __class__(self): return B
print(isinstance(Proxy(), A), isinstance(Proxy(), Plain))
