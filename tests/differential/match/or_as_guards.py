# or-patterns, as-patterns, guards and binding rules
def m(v):
    match v:
        case (1 | 2) as small:
            return "small %r" % small
        case [("a" | "b") as letter, *_] as whole:
            return "letter %s in %r" % (letter, whole)
        case {"k": (int() | float()) as num}:
            return "number %r" % num
        case (x, y) | [x, y, _]:
            return "pair-ish %r %r" % (x, y)
        case _:
            return "nothing"
for v in [1, 2, ["a", 1], ["b"], {"k": 2.5}, {"k": "s"}, (7, 8), [7, 8, 9], "zz"]:
    print(repr(v), "->", m(v))
calls = []
def guard(tag, result):
    calls.append(tag)
    return result
match 5:
    case 1 if guard("never", True):
        pass
    case n if guard("first", False):
        pass
    case n if guard("second", True):
        print("second guard matched", n)
print(calls)
def c(src):
    try:
        compile(src, "<s>", "exec")
        print("ok")
    except SyntaxError as e:
        print("SyntaxError", e.msg)
c("match v:\n    case x | 1:\n        pass")
c("match v:\n    case (x, 1) | (1, y):\n        pass")
c("match v:\n    case [x, x]:\n        pass")
c("match v:\n    case _ as _:\n        pass")
c("match v:\n    case x:\n        pass\n    case 1:\n        pass")
c("match v:\n    case 1 as None:\n        pass")
c("match v:\n    case a.b as c:\n        pass")
c("match v:\n    case f(x) as y:\n        pass")
c("match v:\n    case 1 + 1:\n        pass")
c("match v:\n    case -1.5 - 2j:\n        pass")
c("match v:\n    case 'a' 'b':\n        pass")
c("match v:\n    case f'x':\n        pass")
match "ab":
    case "a" "b":
        print("implicit concatenation in pattern")
