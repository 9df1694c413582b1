# in / not in across containers and custom types; is / is not semantics
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: 1 in [1.0])
t(lambda: 1.0 in {1})
t(lambda: "a" in {"a": 1})
t(lambda: 1 in {"a": 1}.values())
t(lambda: ("a", 1) in {"a": 1}.items())
t(lambda: "bc" in "abcd")
t(lambda: b"bc" in b"abcd")
t(lambda: 98 in b"abc")
t(lambda: [1] in [[1], 2])
t(lambda: (1, 2) in [(1, 2)])
t(lambda: 3 in range(0, 10, 3))
t(lambda: 3.0 in range(10))
t(lambda: 3.5 in range(10))
t(lambda: None in [None])
t(lambda: float("nan") in [float("nan")])
nan = float("nan")
t(lambda: nan in [nan])
t(lambda: [] in {})
t(lambda: 1 in 1)
t(lambda: "a" in ["a", "b"] in [["a", "b"]])
x = [1, 2]
y = x
t(lambda: (x is y, x is not y, x is [1, 2], None is None))
t(lambda: tuple() == ())
t(lambda: type(x) is list)
t(lambda: not x is None)
class AlwaysIn:
    def __contains__(self, item):
        return True
t(lambda: "anything" in AlwaysIn())
t(lambda: "anything" not in AlwaysIn())
