# exception object attributes: __traceback__ lifetimes, args mutations, __dict__
e = ValueError("a", 1)
print(e.args, e.__traceback__, e.__cause__, e.__context__, e.__suppress_context__)
e.custom = "attached"
print(e.custom, e.__dict__)
try:
    raise e
except ValueError as caught:
    print(caught is e, caught.__traceback__ is not None)
print(e.__traceback__ is not None)
e2 = KeyError("k")
print(str(e2), repr(e2), e2.args)
print(str(KeyError("a", "b")), str(KeyError()), str(KeyError(None)))
print(str(IndexError("i")), str(ValueError()), repr(ValueError()))
print(repr(ZeroDivisionError("division by zero")))
print(UnicodeEncodeError("ascii", "é", 0, 1, "ordinal not in range(128)"))
print(UnicodeTranslateError("é", 0, 1, "no"))
print(BaseException("x").with_traceback(None).args)
se = StopIteration(1, 2)
print(se.value, se.args)
print(SystemExit("msg").code, KeyboardInterrupt().args)
gen = GeneratorExit()
print(isinstance(gen, Exception), isinstance(gen, BaseException))
print(Exception.__new__(Exception, 1, 2).args)
class E(Exception):
    pass
print(E.__module__, E.__qualname__, E().__class__.__name__)
err = RecursionError("too deep")
print(isinstance(err, RuntimeError), err)
print(NotImplementedError.__mro__[1].__name__, type(NotImplemented).__name__)
