# len() checks the sign before the size; dir() of a module needs a dict
# __dict__ and of a traceback lists its four attributes; bytearray.join
# keeps its buffer exported while consuming the iterable; __import__ warns
# when a relative import cannot find its package.
import sys, types, warnings

class HugeNegativeLen:
    def __len__(self):
        return -sys.maxsize - 10
class HugeLen:
    def __len__(self):
        return sys.maxsize + 1
for o in [HugeNegativeLen(), HugeLen()]:
    try:
        len(o)
    except Exception as e:
        print(type(e).__name__, e)

class Foo(types.ModuleType):
    __dict__ = 8
try:
    dir(Foo("foo"))
except TypeError as e:
    print("TypeError", e)

try:
    raise IndexError
except IndexError as e:
    print(dir(e.__traceback__))

arr = bytearray(b",")
def it():
    arr.clear()
    yield b"A"
    yield b"B"
try:
    arr.join(it())
except BufferError as e:
    print("BufferError", e)
print(bytearray(b"-").join([b"a", bytearray(b"b")]))

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    try:
        __import__("", {"__package__": None, "__spec__": None, "__name__": "__main__"}, {}, ("foo",), 1)
    except ImportError as e:
        print("ImportError", e)
    print([(x.category.__name__, str(x.message)) for x in w])
