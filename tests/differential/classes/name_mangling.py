# private name mangling rules
class A:
    __x = 1
    def get(self):
        return self.__x
    def set(self, v):
        self.__y = v
    def names(self):
        return sorted(vars(self))
    def call_private(self):
        return self.__private()
    def __private(self):
        return "private method"
a = A()
a.set(5)
print(a.get(), a.names(), a.call_private())
print(sorted(k for k in A.__dict__ if "x" in k or "private" in k))
class _Underscore:
    __z = 3
    def z(self):
        return self.__z
print(_Underscore().z(), "_Underscore__z" in _Underscore.__dict__)
class __AllUnder:
    __w = 4
print([k for k in vars(__AllUnder) if "w" in k])
class B:
    def f(self):
        __local = "locals are mangled too"
        return sorted(k for k in locals() if "local" in k)
print(B().f())
class C:
    def g(self):
        return getattr(self, "__attr", "getattr strings are not mangled")
print(C().g())
class D:
    def h(self):
        try:
            return __undefined_global
        except NameError as e:
            return "NameError: " + str(e)
print(D().h())
class E:
    import sys as __sys_alias
    def i(self):
        return self.__sys_alias.__name__
print(E().i())
class F:
    def __init__(self):
        self.__dict__["_F__direct"] = "set via dict"
    def read(self):
        return self.__direct
print(F().read())
