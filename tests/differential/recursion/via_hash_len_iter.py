# infinite recursion through __hash__, __len__, __iter__, __bool__, __index__
# (only the exception type is printed: CPython words the message differently per C call site)
class H:
    def __hash__(self):
        return hash(self)
try:
    {H()}
except RecursionError as e:
    print("RecursionError hash", type(e).__name__)
class L:
    def __len__(self):
        return len(self)
try:
    len(L())
except RecursionError as e:
    print("RecursionError len", type(e).__name__)
try:
    bool(L())
except RecursionError as e:
    print("RecursionError bool via len", type(e).__name__)
class I:
    def __iter__(self):
        return iter(self)
try:
    iter(I())
except RecursionError as e:
    print("RecursionError iter", type(e).__name__)
try:
    list(I())
except RecursionError as e:
    print("RecursionError list", type(e).__name__)
class N:
    def __next__(self):
        return next(self)
    def __iter__(self):
        return self
try:
    for x in N():
        pass
except RecursionError as e:
    print("RecursionError next", type(e).__name__)
class Idx:
    def __index__(self):
        return [0][self]
try:
    [1, 2][Idx()]
except RecursionError as e:
    print("RecursionError index", type(e).__name__)
class C:
    def __call__(self):
        return self()
try:
    C()()
except RecursionError as e:
    print("RecursionError call", type(e).__name__)
print("recovered")
