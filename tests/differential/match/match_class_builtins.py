# class patterns for builtin types use the whole subject as the single positional
def kind(v):
    match v:
        case bool(b):
            return "bool %r" % b
        case int(i):
            return "int %r" % i
        case float(f):
            return "float %r" % f
        case str(s):
            return "str %r" % s
        case bytes(b):
            return "bytes %r" % b
        case list([a, b]):
            return "list pair %r %r" % (a, b)
        case list(l):
            return "list %r" % l
        case tuple(t):
            return "tuple %r" % (t,)
        case dict(d):
            return "dict %r" % sorted(d)
        case frozenset(f) | set(f):
            return "set of %d" % len(f)
        case _:
            return "other " + type(v).__name__
for v in [True, 3, 2.5, "s", b"b", [1, 2], [1, 2, 3], (1,), {"b": 1, "a": 2}, {1, 2}, frozenset(), None, 1j, bytearray(b"x")]:
    print(kind(v))
class MyInt(int):
    pass
print(kind(MyInt(7)))
match 5:
    case int(real=5, imag=0):
        print("int with keyword attributes")
