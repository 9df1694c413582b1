# __import__ and import of builtin modules (sys only)
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

import sys
t(lambda: sys.__name__)
t(lambda: __import__("sys") is sys)
t(lambda: __import__("sys").maxsize == 2**63 - 1)
t(lambda: __import__(5))
t(lambda: __import__(""))
t(lambda: __import__())
t(lambda: type(sys).__name__)
t(lambda: sys.version_info[:2])
t(lambda: sys.version_info.major)
t(lambda: sys.version_info >= (3, 11))
t(lambda: sys.implementation.name in ("cpython", "krait"))
t(lambda: isinstance(sys.argv, list))
t(lambda: sys.argv[0])
t(lambda: sys.getrecursionlimit() > 0)
t(lambda: sys.intern("abc") == "abc")
t(lambda: sys.intern(b"x"))
t(lambda: callable(sys.exit))
t(lambda: sys.nonexistent_attribute)
def local_import():
    import sys as s
    return s is sys
t(local_import)
def from_import():
    from sys import maxsize, argv
    return maxsize, len(argv)
t(from_import)
def from_import_missing():
    from sys import no_such_name
t(from_import_missing)
t(lambda: "sys" in sys.modules)
t(lambda: sys.modules["sys"] is sys)
