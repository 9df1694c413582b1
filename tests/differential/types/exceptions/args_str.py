# exception args, str and repr for builtin exceptions
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for exc in [Exception(), Exception("one"), Exception("a", 2), ValueError(3), KeyError("k"), KeyError(), KeyError("a", "b"),
            IndexError("i"), OSError(2, "No such file"), StopIteration(5), SystemExit(3), UnicodeError("u"), AttributeError("attr")]:
    print(type(exc).__name__, exc.args, repr(str(exc)), repr(exc))
e = Exception("x")
e.args = ("y", "z")
print(e, e.args)
e.args = [1]
print(e.args, type(e.args).__name__)
t(lambda: setattr(e, "args", 5))
print(StopIteration(7).value, StopIteration().value)
print(SystemExit(4).code, SystemExit().code, SystemExit(1, 2).code)
ae = AttributeError("m", name="n", obj=5)
print(ae.name, ae.obj)
ne = NameError("x", name="x")
print(ne.name)
ie = ImportError("msg", name="mod", path="p")
print(ie.name, ie.path, ie.msg)
t(lambda: ImportError("m", bogus=1))
t(lambda: Exception(x=1))
oe = OSError(2, "nofile", "f.txt")
print(oe.errno, oe.strerror, oe.filename, str(oe))
print(type(OSError(2, "x")).__name__)
print(type(OSError(17, "x")).__name__)
print(EnvironmentError is OSError, IOError is OSError)
ue = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
print(ue, ue.start, ue.end, ue.reason, ue.object)
se = SyntaxError("bad", ("f.py", 3, 4, "x = (", 3, 5))
print(se, se.filename, se.lineno, se.offset, se.text, se.msg)
print(str(SyntaxError("plain")))
