"""co_linetable, co_exceptiontable and co_lnotab: CPython 3.11's formats, read back
by dis's own parser, agree with co_positions() and co_lines()."""
import dis

def f(x, y=2):
    z = x + y
    try:
        return z / 0
    except ZeroDivisionError as e:
        print("caught", type(e).__name__)
    finally:
        z += 1
    for i in range(3):
        if i:
            continue
    return [a for a in (x, y)]

c = f.__code__
# The tables decode (with CPython's own readers in dis) to what the code
# object reports through co_positions() and co_lines().
print(type(c.co_linetable).__name__, type(c.co_exceptiontable).__name__, type(c.co_lnotab).__name__)
entries = dis._parse_exception_table(c)
print(len(entries) > 0, all(e.start < e.end and e.target >= 0 for e in entries))
lines = [l for _, _, l in c.co_lines() if l is not None]
print(sorted(set(lines)) == sorted(set(l for l in (p[0] for p in c.co_positions()) if l is not None)))
# lnotab replays co_lines' line starts.
line, off, seen = c.co_firstlineno, 0, []
lt = c.co_lnotab
for i in range(0, len(lt), 2):
    off += lt[i]; d = lt[i + 1]; line += d - 256 if d > 127 else d
    seen.append(line)
print(set(seen) | {c.co_firstlineno} == set(lines))
print(c._varname_from_oparg(0), c._varname_from_oparg(1))
print(c.replace(co_linetable=c.co_linetable, co_exceptiontable=c.co_exceptiontable).co_name)
