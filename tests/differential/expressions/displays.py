# list/tuple/set/dict displays, unpacking in displays, trailing commas
print([], [1], [1,], [1, 2,], [*range(3), *"ab"], [*[]])
print((), (1,), (1, 2,), (*range(2),), tuple([*"xy"]))
print({1}, {1, 2, 1}, {*[3, 3]}, type({}).__name__, type({*()}).__name__)
print({"a": 1, "b": 2, "a": 3})
print({**{"x": 1}, "y": 2, **{"x": 3}})
print({1: "int", True: "bool", 1.0: "float"})
a = [1, 2]
print([a, *a, [*a]], (*a, *a), {**dict.fromkeys(a)})
def c(src):
    try:
        print(repr(eval(src)))
    except SyntaxError as e:
        print("SyntaxError", e.msg)
    except Exception as e:
        print(type(e).__name__, e)
c("[*1]")
c("{**[1]}")
c("{*[[]]}")
c("{[]: 1}")
c("{**{1: 2}, **{[]: 1}}")
c("[,]")
c("(,)")
c("{,}")
c("[1,,2]")
c("*a")
c("(*a)")
c("{**a for a in b}")
c("{*a: 1}")
c("[**a]")
c("{'a': 1, **None}")
c("(1, *(2, 3), 4)")
c("[i for i in *range(3),]")
nested = [[1, [2, [3, [4]]]], {"k": ({1}, frozenset())}]
print(nested)
print(len([None] * 1000), [0] * 3, [[]] * 2)
