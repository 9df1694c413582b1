# mapping patterns: keys, **rest, extra keys allowed, non-dict mappings
def m(x):
    match x:
        case {"type": "point", "x": px, "y": py}:
            return "point %r,%r" % (px, py)
        case {"type": "circle", "r": r, **rest}:
            return "circle r=%r rest=%r" % (r, sorted(rest.items()))
        case {1: one}:
            return "int key %r" % one
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"
for v in [{"type": "point", "x": 1, "y": 2, "extra": 0}, {"type": "circle", "r": 5, "a": 1, "b": 2},
          {1: "uno"}, {}, {"type": "square"}, [("type", "point")], "str"]:
    print(repr(v), "->", m(v))
class Missing(dict):
    def __missing__(self, k):
        return "default"
match Missing(a=1):
    case {"b": val}:
        print("matched via __missing__?", val)
    case _:
        print("mapping pattern uses get(), not __missing__")
match {"k": None}:
    case {"k": None}:
        print("None value matched")
try:
    exec("match x:\n    case {'a': 1, 'a': 2}:\n        pass")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    exec("match x:\n    case {**rest, 'a': 1}:\n        pass")
except SyntaxError as e:
    print("SyntaxError", e.msg)
def dup_runtime(k1, k2):
    match {"a": 1}:
        case {Const.A: 1, Const.B: 2}:
            pass
class Const:
    A = "a"
    B = "a"
try:
    dup_runtime(1, 2)
except ValueError as e:
    print("ValueError", e)
