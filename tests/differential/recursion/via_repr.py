# infinite recursion through __repr__ raises RecursionError, not a crash
# (only the exception type is printed: CPython words the message differently per C call site)
class R:
    def __repr__(self):
        return "R(" + repr(self) + ")"
try:
    repr(R())
except RecursionError as e:
    print("RecursionError", type(e).__name__)
class Pair:
    def __init__(self):
        self.other = None
    def __repr__(self):
        return "Pair(%r)" % (self.other,)
a, b = Pair(), Pair()
a.other, b.other = b, a
try:
    repr(a)
except RecursionError as e:
    print("RecursionError", type(e).__name__)
class S:
    def __str__(self):
        return str(self)
try:
    str(S())
except RecursionError as e:
    print("RecursionError", type(e).__name__)
try:
    print(f"{S()}")
except RecursionError as e:
    print("RecursionError via f-string", type(e).__name__)
L = []
L.append(L)
print(repr(L))
print("recovered")
