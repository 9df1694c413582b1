# subject evaluated once, bindings persist after failed cases, equality vs identity
count = 0
def subject():
    global count
    count += 1
    return [1, 2]
match subject():
    case [3, _]:
        pass
    case [1, x]:
        print("matched, x =", x)
print("subject evaluated", count, "time(s)")
match [1, 2, 3]:
    case [a, b, 4]:
        pass
    case _:
        pass
try:
    print("a after failed case:", a)
except NameError:
    print("a unbound after failed case")
class Eq:
    def __eq__(self, other):
        print("Eq.__eq__ called with", other)
        return True
class Holder:
    value = Eq()
match 5:
    case Holder.value:
        print("value pattern uses ==")
match None:
    case None:
        print("None uses identity")
match 1.0:
    case 1:
        print("1.0 matches literal 1")
match True:
    case 1:
        print("True matches 1")
match 1:
    case True:
        print("1 matches True?")
    case _:
        print("1 does not match True (identity)")
def shape(p):
    match p:
        case {"x": x, "y": y, **kw} if not kw:
            return "exact point"
        case {"x": x, "y": y}:
            return "point with extras"
    return "fell through"
print(shape({"x": 1, "y": 2}), shape({"x": 1, "y": 2, "z": 3}), shape([]))
match (1, 2):
    case [1, 2]:
        print("tuple matches list pattern")
match [1, 2]:
    case (1, 2):
        print("list matches tuple pattern")
