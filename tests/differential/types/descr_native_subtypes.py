# Native subtypes of builtin types (xxsubtype), member/getset descriptors'
# docs and qualnames, class-method descriptors called directly, and a
# builtin function used as __get__.
import xxsubtype as spam
import _testcapi

l = spam.spamlist([1, 2])
print(l, type(l).__mro__, l.getstate(), l.state)
l.setstate(7)
print(l.getstate(), l.state, l + [3], len(l))
try:
    l.setstate(2**40)
except OverflowError as e:
    print("OverflowError", e)

class C(spam.spamlist):
    def foo(self):
        return 1
c = C([5])
c.setstate(3)
print(c, c.foo(), c.getstate())

d = spam.spamdict({1: 2})
d.setstate(9)
print(d, d.state, type(d).state.__doc__, type(d).state.__qualname__)
try:
    d.state = 1
except AttributeError as e:
    print("AttributeError", e)

print(spam.spamlist.classmeth(1, 2, k=3))
print(spam.spamlist().staticmeth(1))
cm = spam.spamlist.__dict__["classmeth"]
print(cm(C, 4))
for args in [(), (spam.spamlist(),), (list,)]:
    try:
        cm(*args)
    except TypeError as e:
        print("TypeError", e)
print(type(spam.bench(l, "append", 10)))

print(type(complex.real).__name__, complex.real.__doc__, complex.imag.__qualname__)
print((3+4j).real, (3+4j).imag)
try:
    (1j).real = 2
except AttributeError as e:
    print("AttributeError", e)
print(float.real.__qualname__, int.__add__.__qualname__, str.lower.__qualname__)

class D:
    __get__ = _testcapi.bad_get
class X:
    d = D()
    def __new__(cls):
        cls.d = None
print(X.d is None or X.d)
