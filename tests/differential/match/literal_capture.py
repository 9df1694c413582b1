# literal, capture, wildcard and value patterns
def m(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case "hello":
            return "greeting"
        case b"bytes":
            return "bytes literal"
        case None:
            return "None"
        case True:
            return "True"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 2j:
            return "imaginary"
        case -1 + 2j:
            return "complex"
        case _:
            return "other: %r" % (x,)
for v in [0, 1, 3, 4, "hello", b"bytes", None, True, False, 1.0, -1, 1.5, 2j, -1 + 2j, 0.0, "x"]:
    print(repr(v), "->", m(v))
class Color:
    RED = "red"
    GREEN = "green"
def color(c):
    match c:
        case Color.RED:
            return "is red"
        case Color.GREEN:
            return "is green"
        case other:
            return "unknown " + other
print(color("red"), color("green"), color("blue"))
match 42:
    case n:
        print("captured", n)
print("n after match", n)
match "abc":
    case "abc" if False:
        print("guard failed")
    case s if len(s) == 3:
        print("guard ok", s)
