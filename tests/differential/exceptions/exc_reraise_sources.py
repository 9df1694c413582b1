# A bare `raise` finds the innermost exception being handled, also from a
# generator resumed inside the caller's `except`; _testcapi's PyErr_SetObject
# and PyErr_NewExceptionWithDoc as CPython's.
import sys


def g():
    yield 1
    raise
    yield 2


i = g()
try:
    1/0
except ZeroDivisionError:
    next(i)
    try:
        next(i)
    except ZeroDivisionError as e:
        print("re-raised", type(e).__name__)

try:
    raise
except RuntimeError as e:
    print(e)


def h():
    try:
        yield
    except KeyError:
        yield sys.exc_info()[0].__name__
        raise


j = h()
next(j)
print(j.throw(KeyError))
try:
    next(j)
except KeyError:
    print("KeyError out of generator")

import _testcapi


class BadException(Exception):
    def __init__(self_):
        raise RuntimeError("can't instantiate BadException")


def capi1():
    try:
        _testcapi.raise_exception(BadException, 1)
    except TypeError as err:
        tb = err.__traceback__
        print(type(err).__name__, tb.tb_frame.f_code.co_name, tb.tb_next)


def capi2():
    try:
        _testcapi.raise_exception(BadException, 0)
    except RuntimeError as err:
        tb = err.__traceback__
        print(err, tb.tb_frame.f_code.co_name, tb.tb_frame.f_back.f_code.co_name)


capi1()
capi2()
try:
    _testcapi.raise_exception(int, 1)
except SystemError as e:
    print(e)
try:
    _testcapi.raise_exception(KeyError, 3)
except KeyError as e:
    print(repr(e))
try:
    _testcapi.raise_memoryerror()
except MemoryError as e:
    print(repr(e), e.args)

e1 = _testcapi.make_exception_with_doc("mod.error1")
print(e1, e1.__doc__, e1.__module__, e1.__mro__)
e2 = _testcapi.make_exception_with_doc("a.b.error2", "doc2", base=e1)
print(e2, e2.__doc__, e2.__module__, e2.__bases__)


class C:
    pass


e3 = _testcapi.make_exception_with_doc("m.e3", "", (e2, C), {"a": 1, "__module__": "x"})
print(e3, repr(e3.__doc__), e3.a, e3.__bases__)
try:
    _testcapi.make_exception_with_doc("nodot")
except SystemError as e:
    print(e)
