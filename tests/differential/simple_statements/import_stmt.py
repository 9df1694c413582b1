# import statement forms with the sys module, and failing imports
import sys
import sys as system
from sys import maxsize, maxsize as biggest
from sys import (argv,
                 version_info)
print(system is sys, maxsize == biggest, type(argv).__name__, version_info[0])
def f():
    import sys as local_sys
    return "local_sys" in locals()
print(f())
try:
    from sys import no_such_name_here
except ImportError as e:
    print(type(e).__name__, e)
def c(src):
    try:
        compile(src, "<s>", "exec")
        print("ok", repr(src))
    except SyntaxError as e:
        print("SyntaxError", repr(src), e.msg)
c("import")
c("from sys import")
c("from sys import (a, b,)")
c("from sys import a, b,")
c("def f():\n    from sys import *")
c("from . import x")
c("import a.b as c")
c("from __future__ import braces")
c("from __future__ import nonexistent_feature")
c("x = 1\nfrom __future__ import annotations")
c("import a as b.c")
