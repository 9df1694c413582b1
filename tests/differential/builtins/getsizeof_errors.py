# sys.getsizeof: the default replaces only a TypeError; huge sizes do not wrap.
import sys

class Bad:
    def __sizeof__(self):
        raise ValueError("nope")

class NoneSize:
    def __sizeof__(self):
        return None

class Huge:
    def __sizeof__(self):
        return sys.maxsize

class Negative:
    def __sizeof__(self):
        return -1

for obj in (Bad(), NoneSize(), Negative()):
    for args in ((), ("dflt",)):
        try:
            print(type(obj).__name__, args, sys.getsizeof(obj, *args))
        except Exception as e:
            print(type(obj).__name__, args, type(e).__name__, e)
print(sys.getsizeof(Huge()) - sys.maxsize > 0)
