# guards with side effects, walrus in guards, bindings visible in guard
log = []
def check(tag, value):
    log.append(tag)
    return value
def m(p):
    match p:
        case [x, y] if check("g1", x > y):
            return "descending"
        case [x, y] if check("g2", (s := x + y) > 10):
            return "big sum %d" % s
        case [x, *_] if check("g3", x == 0):
            return "starts with zero"
        case _:
            return "other"
print(m([5, 1]), log)
log.clear()
print(m([5, 6]), log)
log.clear()
print(m([0, 1, 2]), log)
log.clear()
print(m("nope"), log)
def find_first(items):
    match items:
        case [first, *rest] if first is not None:
            return first
        case [None, *rest]:
            return find_first(rest)
        case []:
            return "empty"
print(find_first([None, None, 3]), find_first([None]), find_first([]))
