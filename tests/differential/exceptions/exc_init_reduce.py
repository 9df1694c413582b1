# Exception constructors re-run by __init__, SyntaxError's location tuple,
# and what __reduce__ gives pickle/copy for OSError and ImportError.
import copy
import pickle

for a in [("bad.py", 1, 2), ("bad.py", 1, 2, 4, 5, 6, 7), ("bad.py", 1, 2, "abcdefg", 1),
          [1, 2, 3, 4], ("f", 1, 2, "t", 1, 5), 5]:
    try:
        e = SyntaxError("bad", a)
        print("ok", e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
    except Exception as e:
        print(type(e).__name__, e)

e = SyntaxError("m", ("f", 1, 2, "t"))
e.__init__("x")
print(e.filename, e.msg)

e = NameError("x", name="n")
e.__init__()
print(e.name, e.args)
e = AttributeError("x", name="n", obj=1)
e.__init__()
print(e.name, e.obj)
e = ImportError("test", name="name", path="path")
e.__init__()
print(e.args, e.msg, e.name, e.path)
for bad in [dict(invalid=1), dict(name="n", invalid=1)]:
    try:
        ImportError("t", **bad)
    except TypeError as err:
        print(err)

for e in [OSError("foo", "bar", "baz"), OSError("foo", "bar", "baz", None, "q"), OSError("foo", "bar"),
          OSError(2, "No such file", "x.txt"), ImportError("t", name="n"), ImportError("t"),
          ImportError("t", path="p", name="n")]:
    print(e.__reduce__())
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        r = pickle.loads(pickle.dumps(e, proto))
        print(type(r).__name__, r.args, getattr(r, "filename", "-"), getattr(r, "filename2", "-"),
              getattr(r, "name", "-"), getattr(r, "path", "-"))
    for c in copy.copy, copy.deepcopy:
        r = c(e)
        print(type(r).__name__, r.args, getattr(r, "filename", "-"), getattr(r, "name", "-"))

e = ImportError("t")
e.x = 1
print(e.__reduce__())
e = ImportError("t", name="n")
e.x = 1
print(e.__reduce__(), e.__dict__)

# Unicode errors convert their arguments as CPython's "UOnnU"/"UUnnU".
for a in [("ascii", bytearray(b"\xff"), 0, 1, "r"), (1, b"", 0, 1, "r"), ("a", "str", 0, 1, "r"),
          ("a", b"", "x", 1, "r"), ("a", b"xy", True, 2, "r"), ("a", b"x", 0, 1, 5)]:
    try:
        e = UnicodeDecodeError(*a)
        print(repr(e.object), e.start, e.end, e.args[1:])
    except Exception as ex:
        print(type(ex).__name__, ex)
for a in [(1, "x", 0, 1, "r"), ("a", b"x", 0, 1, "r"), ("a", "x", 0, 1, "r")]:
    try:
        e = UnicodeEncodeError(*a)
        print(repr(e.object), e.args)
    except Exception as ex:
        print(type(ex).__name__, ex)
