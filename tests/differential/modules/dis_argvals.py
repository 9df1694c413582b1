# dis.get_instructions resolves names, constants, locals, globals, free
# variables and comparison operators to the same values as CPython.
import dis


def names_consts(a, b=2):
    c = a + b * 3
    d = "text"
    return (c, d, len(a), a is None, b in a, not (a is b), not (b in a))


def closure(x):
    y = x + 1
    def inner():
        return x + y
    return inner


def attrs(o):
    o.field = o.other
    del o.field
    return o


def compare(a, b):
    return a < b, a >= b, a == b, a != b


def glob():
    global G
    G = 1
    del G


INTERESTING = {
    "LOAD_CONST", "LOAD_FAST", "STORE_FAST", "LOAD_GLOBAL", "STORE_GLOBAL",
    "DELETE_GLOBAL", "LOAD_DEREF", "STORE_DEREF", "LOAD_CLOSURE", "MAKE_CELL",
    "IS_OP", "CONTAINS_OP", "COMPARE_OP", "STORE_ATTR", "DELETE_ATTR",
    "LOAD_ATTR", "BINARY_OP",
}


# Left out where the two compilers emit different (equally valid) code:
# krait pushes NULL before LOAD_GLOBAL with its own PUSH_NULL, and ends every
# body with an unreachable `return None`.
def facts(f):
    out = []
    for i in dis.get_instructions(f):
        if i.opname == "LOAD_CONST" and i.argval is None:
            continue
        if i.opname in INTERESTING:
            v, r = i.argval, i.argrepr
            if hasattr(v, "co_name"):
                v, r = "code " + v.co_name, ""
            if i.opname == "LOAD_GLOBAL":
                r = ""
            out.append((i.opname, repr(v), r))
    return out


for f in (names_consts, closure, closure(1), attrs, compare, glob):
    print(f.__name__)
    for fact in facts(f):
        print("   ", *fact)

# Structural facts shared by both: one position per 2-byte code unit, line
# numbers of line starts, the NOT folding.
for f in (names_consts, closure, attrs):
    co = f.__code__
    print(f.__name__, len(list(co.co_positions())) == len(co.co_code) // 2,
          sorted({line for _, line in dis.findlinestarts(co)}))
print([i.opname for i in dis.get_instructions(names_consts)].count("UNARY_NOT"))
print(dis.opname[dis.opmap["IS_OP"]], dis.cmp_op)
print(sorted(dis.COMPILER_FLAG_NAMES.items())[:3])
