# sequence patterns: fixed length, star, nested; str/bytes excluded
def m(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return "one: %r" % (a,)
        case [a, b]:
            return "two: %r %r" % (a, b)
        case [first, *middle, last] if len(middle) > 2:
            return "long: %r ... %r (%d middle)" % (first, last, len(middle))
        case [1, *rest]:
            return "starts with 1, rest %r" % (rest,)
        case [[x, y], *_]:
            return "nested pair first: %r %r" % (x, y)
        case (a, b, c):
            return "triple %r" % ((a, b, c),)
        case _:
            return "no sequence match"
for v in [[], [1], (1, 2), [1, 2, 3], [[1, 2], 3, 4], (5, 6, 7), list(range(6)), "ab", b"ab", "abc", {1: 2}, range(3), iter([1]), 5]:
    print(type(v).__name__ if type(v).__name__.endswith("iterator") else repr(v), "->", m(v))
match [1, 2, 3]:
    case [*everything]:
        print("star all", everything)
match (1, [2, (3, 4)]):
    case (a, [b, (c, d)]):
        print(a, b, c, d)
match [1, 2]:
    case [_, _, *_]:
        print("two or more")
class MySeq(list):
    pass
match MySeq([1, 2]):
    case [x, y]:
        print("list subclass", x, y)
try:
    exec("match x:\n    case [*a, *b]:\n        pass")
except SyntaxError as e:
    print("SyntaxError", e.msg)
