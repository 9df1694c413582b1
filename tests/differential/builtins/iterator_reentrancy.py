# Iterators whose own callbacks exhaust them: a callable iterator whose
# function drains it, __reduce__ when looking up `iter` drains it, the
# sequence iterator's index limit, enumerate's pickling state.
import sys

HAS_MORE, NO_MORE = 1, 2


def spam():
    if spam.recursive:
        return NO_MORE
    spam.recursive = True
    list(spam.iterator)
    return HAS_MORE


spam.recursive = False
spam.iterator = iter(spam, NO_MORE)
try:
    print(next(spam.iterator))
except StopIteration:
    print("StopIteration")
print(list(spam.iterator))


class Unlimited:
    def __getitem__(self, i):
        return i


it = iter(Unlimited())
it.__setstate__(sys.maxsize - 2)
print(next(it) == sys.maxsize - 2, next(it) == sys.maxsize - 1)
for _ in range(2):
    try:
        next(it)
    except OverflowError as e:
        print(type(e).__name__, e)

builtins_dict = __builtins__.__dict__ if hasattr(__builtins__, '__dict__') else __builtins__
orig = {"iter": iter, "reversed": reversed}


def run(name, it):
    class Key:
        def __init__(self, name, iterator):
            self.name = name
            self.iterator = iterator

        def __hash__(self):
            return hash(self.name)

        def __eq__(self, other):
            list(self.iterator)
            return other == self.name

    del builtins_dict[name]
    builtins_dict[Key(name, it)] = orig[name]
    try:
        r = it.__reduce__()
    finally:
        for k in list(builtins_dict):
            if not isinstance(k, str):
                del builtins_dict[k]
        builtins_dict[name] = orig[name]
    return (r[0] is orig[r[0].__name__], r[0].__name__) + r[1:]


print(run("iter", iter("xyz")))
print(run("iter", iter([1, 2, 3])))
print(run("reversed", reversed(list(range(8)))))
for item in [(1, 2, 3), b"ab", bytearray(b"ab"), tuple[int]]:
    print(run("iter", iter(item)))
print(run("iter", iter(lambda: 0, 0)))

e = enumerate("abc", 10)
next(e)
print(e.__reduce__()[0].__name__, e.__reduce__()[1][1], list(e.__reduce__()[1][0]))
