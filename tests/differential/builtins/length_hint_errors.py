# list() and tuple() size their result from the iterable's length hint;
# an error from __len__ or __length_hint__ (other than TypeError) propagates.
import operator
class BadLen:
    def __iter__(self): return iter(range(3))
    def __len__(self): raise RuntimeError("len")
class BadHint:
    def __iter__(self): return iter(range(3))
    def __length_hint__(self): raise RuntimeError("hint")
class TypeHint:
    def __iter__(self): return iter(range(3))
    def __length_hint__(self): raise TypeError("ignored")
class NegHint:
    def __iter__(self): return iter(range(3))
    def __length_hint__(self): return -1
for cls in (BadLen, BadHint, TypeHint, NegHint):
    for f in (list, tuple, sorted):
        try:
            print(cls.__name__, f.__name__, f(cls()))
        except (RuntimeError, ValueError) as e:
            print(cls.__name__, f.__name__, type(e).__name__, e)
print(operator.length_hint(TypeHint(), 5), operator.length_hint([1, 2]))
