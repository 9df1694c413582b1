# The native _stat module: its constants, the S_IS* tests, S_IMODE/S_IFMT
# and filemode over every file type and special bit, and argument errors.
import _stat
names = sorted(n for n in dir(_stat) if not n.startswith('__'))
print(len(names), names)
print([(n, getattr(_stat, n)) for n in names if isinstance(getattr(_stat, n), int)])
modes = [0o170777, 0o100644, 0o7777, 0o140755, 0o120777, 0o060600, 0o020666, 0o010644, 0o040755, 0o104755, 0o102644, 0o101644, 0o041777, 0o041776, 0, 2**32-1]
for m in modes:
    print(oct(m), _stat.filemode(m), _stat.S_IMODE(m), _stat.S_IFMT(m), [getattr(_stat, f)(m) for f in names if f.startswith('S_IS') and callable(getattr(_stat, f))])
for a in ['x', -1, 2**70, 1.5, 2**32, True]:
    for f in (_stat.filemode, _stat.S_ISDIR, _stat.S_IMODE):
        try: print(f(a))
        except Exception as e: print(type(e).__name__, e)
try: _stat.filemode()
except TypeError as e: print(e)
