# An exception class whose instances raise a new instance of it while being
# created (_testcapi.RecursingInfinitelyError): the recursion ends in
# "maximum recursion depth exceeded while normalizing an exception".
import _testcapi

print(_testcapi.RecursingInfinitelyError.__mro__)
try:
    _testcapi.RecursingInfinitelyError()
except RecursionError as e:
    print(e)
try:
    raise _testcapi.RecursingInfinitelyError
finally:
    print("Done.")
