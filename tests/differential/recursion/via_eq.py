# infinite recursion through __eq__ and comparisons
# (only the exception type is printed: CPython words the message differently per C call site)
class E:
    def __eq__(self, other):
        return self == other
try:
    E() == E()
except RecursionError as e:
    print("RecursionError", type(e).__name__)
class Lt:
    def __lt__(self, other):
        return other > self
    def __gt__(self, other):
        return other < self
try:
    Lt() < Lt()
except RecursionError as e:
    print("RecursionError", type(e).__name__)
try:
    sorted([Lt(), Lt()])
except RecursionError as e:
    print("RecursionError in sort", type(e).__name__)
class InList:
    def __eq__(self, other):
        return other in [self]
try:
    InList() == 1
except RecursionError as e:
    print("RecursionError via containment", type(e).__name__)
deep = []
cur = deep
for _ in range(100000):
    nxt = []
    cur.append(nxt)
    cur = nxt
try:
    print(deep == deep[:])
except RecursionError as e:
    print("RecursionError comparing deeply nested lists", type(e).__name__)
print("recovered")
