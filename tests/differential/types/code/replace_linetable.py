"""code.replace(co_linetable=...) with a different table takes effect:
tracebacks, co_lines() and co_positions() read the new locations. Tables
here cover the whole code uniformly, so they mean the same for any
bytecode layout."""
import sys

def f():
    1/0

def units(code):
    return len(code.co_code) // 2

def uniform(code, first, rest):
    # One entry per 8 code units (the most one entry may cover): `first`
    # (kind, payload) moves to the location, `rest` keeps it.
    n = units(code)
    out = b""
    entry = first
    while n > 0:
        k = min(n, 8)
        out += bytes([0x80 | (entry[0] << 3) | (k - 1)]) + entry[1]
        entry = rest
        n -= k
    return out

def lineno_of_raise(fn):
    try:
        fn()
    except ZeroDivisionError:
        # f_lineno of the frame that raised (tb_lineno of a line-less
        # instruction is None in CPython, 0 in krait: not compared here).
        return sys.exc_info()[2].tb_next.tb_frame.f_lineno

def show(label, code):
    f.__code__ = code
    print(label, lineno_of_raise(f))
    print("  lines", sorted({l for _, _, l in code.co_lines()}, key=str))
    print("  positions", sorted(set(code.co_positions()), key=str))

orig = f.__code__
print("orig", lineno_of_raise(f), orig.co_firstlineno)
show("no location", orig.replace(co_linetable=b"\xf8\xf8\xf8\xf9\xf8\xf8\xf8" + bytes([0xf8]) * units(orig)))
# code 13: line only, +5 then 0 for the following entries
show("line only", orig.replace(co_linetable=uniform(orig, (13, b"\x0a"), (13, b"\x00"))))
# code 13 with a negative delta (-1 -> 3)
show("line only negative", orig.replace(co_linetable=uniform(orig, (13, b"\x03"), (13, b"\x00"))))
# code 14: long form, line +2, end line +1, columns 4..9 (stored plus one)
show("long form", orig.replace(co_linetable=uniform(orig, (14, b"\x04\x01\x05\x0a"), (14, b"\x00\x01\x05\x0a"))))
# codes 10-12: one-line form, line delta code-10, columns as bytes
show("one-line form", orig.replace(co_linetable=uniform(orig, (11, b"\x02\x07"), (10, b"\x02\x07"))))
# codes 0-9: short form, column code*8 + high nibble, length low nibble
show("short form", orig.replace(co_linetable=uniform(orig, (1, b"\x23"), (1, b"\x23"))))
# with a new first line the table counts from it
show("firstlineno", orig.replace(co_firstlineno=100, co_linetable=uniform(orig, (13, b"\x02"), (13, b"\x00"))))
# the current table is accepted unchanged
same = orig.replace(co_linetable=orig.co_linetable)
print("same", list(same.co_positions()) == list(orig.co_positions()))
f.__code__ = orig
print("restored", lineno_of_raise(f))
