# class patterns: positional via __match_args__, keyword attributes, builtins
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class NoArgs:
    def __init__(self):
        self.a = 1
def m(v):
    match v:
        case Point(0, 0):
            return "origin"
        case Point(x, 0):
            return "on x axis at %r" % x
        case Point(x=0, y=y):
            return "on y axis at %r" % y
        case Point(x, y) if x == y:
            return "diagonal"
        case Point():
            return "some point"
        case int(n) if n > 100:
            return "big int %d" % n
        case int() | float():
            return "number"
        case str(s):
            return "string " + s
        case [Point(x=a), Point(x=b)]:
            return "two points x=%r,%r" % (a, b)
        case NoArgs(a=1):
            return "NoArgs with a=1"
        case _:
            return "other"
for v in [Point(0, 0), Point(3, 0), Point(0, 4), Point(2, 2), Point(1, 2), 500, 5, 2.5, "s", [Point(1, 0), Point(2, 0)], NoArgs(), None, True]:
    print(m(v))
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print("TypeError", e)
try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print("TypeError", e)
try:
    match 5:
        case int(1, 2):
            pass
except TypeError as e:
    print("TypeError", e)
try:
    match 5:
        case len():
            pass
except TypeError as e:
    print("TypeError", e)
class BadArgs:
    __match_args__ = ["x"]
    x = 1
try:
    match BadArgs():
        case BadArgs(1):
            pass
except TypeError as e:
    print("TypeError", e)
try:
    exec("match p:\n    case Point(x=1, x=2):\n        pass")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    match Point(1, 2):
        case Point(1, x=3):
            print("no")
        case Point(1, y=2):
            print("mixed positional and keyword")
except TypeError as e:
    print("TypeError", e)
