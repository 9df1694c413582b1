# functions and classes defined conditionally, in loops and in try blocks
import sys
if sys.maxsize > 2**32:
    def platform():
        return "64-bit"
else:
    def platform():
        return "32-bit"
print(platform())
funcs = []
for i in range(3):
    def f(i=i):
        return "f%d" % i
    funcs.append(f)
print([fn() for fn in funcs], funcs[0] is not funcs[1])
classes = []
for name in ["A", "B"]:
    class Dyn:
        label = name
    classes.append(Dyn)
print([c.label for c in classes], classes[0] is classes[1])
try:
    def risky():
        return "defined in try"
    raise ValueError
except ValueError:
    class Fallback:
        pass
print(risky(), Fallback.__name__)
while True:
    def in_while():
        return "in while"
    break
print(in_while())
class CM:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return None
with CM():
    def in_with():
        return "in with"
print(in_with())
match 1:
    case 1:
        def in_match():
            return "in match"
print(in_match())
