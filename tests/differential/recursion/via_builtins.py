# recursion through builtins calling back into Python code
# (only the exception type is printed: CPython words the message differently per C call site)
def through_map(n):
    return list(map(through_map, [n + 1]))
try:
    through_map(0)
except RecursionError as e:
    print("RecursionError map", type(e).__name__)
def through_sorted(n):
    return sorted([1, 2], key=lambda v: through_sorted(n + 1))
try:
    through_sorted(0)
except RecursionError as e:
    print("RecursionError sorted key", type(e).__name__)
class Rec:
    def __init__(self):
        Rec()
try:
    Rec()
except RecursionError as e:
    print("RecursionError __init__", type(e).__name__)
def through_exec(n):
    exec("through_exec(n + 1)", {"through_exec": through_exec, "n": n})
try:
    through_exec(0)
except RecursionError as e:
    print("RecursionError exec", type(e).__name__)
def through_gen(n):
    yield from through_gen(n + 1)
try:
    list(through_gen(0))
except RecursionError as e:
    print("RecursionError yield from", type(e).__name__)
class D(dict):
    def __missing__(self, k):
        return self[k + 1]
try:
    D()[0]
except RecursionError as e:
    print("RecursionError __missing__", type(e).__name__)
def through_format(n):
    class F:
        def __format__(self, spec):
            return through_format(n + 1)
    return format(F())
try:
    through_format(0)
except RecursionError as e:
    print("RecursionError format", type(e).__name__)
print("recovered")
