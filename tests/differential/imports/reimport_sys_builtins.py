# sys and builtins imported again after leaving sys.modules: a new module
# object with the same contents, as CPython's single-phase builtins.
import sys
import builtins

modules = sys.modules
del modules['sys']
import sys as sys2
print(sys2 is sys, sys2.byteorder == sys.byteorder, sys2.maxsize == sys.maxsize)
del modules['builtins']
import builtins as builtins2
print(builtins2 is builtins, builtins2.len is len, builtins2.__name__)
modules['sys'] = sys
modules['builtins'] = builtins
