# star patterns in various positions and wildcard bindings
def m(seq):
    match seq:
        case [*_, 0]:
            return "ends with 0"
        case [0, *_]:
            return "starts with 0"
        case [_, *mid, _] if mid:
            return "middle %r" % (mid,)
        case [*all_items]:
            return "all %r" % (all_items,)
print([m(s) for s in ([1, 0], [0, 1], [1, 2, 3], [1, 2], [], (5,))])
match (1, 2, 3, 4, 5):
    case (first, second, *rest):
        print(first, second, rest, type(rest).__name__)
match "not a sequence":
    case [*chars]:
        print("str matched")
    case _:
        print("str is not matched by sequence patterns")
match range(3):
    case [a, b, c]:
        print("range matched", a, b, c)
match {"k": 1}.keys():
    case [k]:
        print("keys view matched?", k)
    case _:
        print("dict views are not sequences")
