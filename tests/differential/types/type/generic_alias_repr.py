# builtin generic aliases (PEP 585) and union types (PEP 604): repr, args, equality, isinstance rules
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: list[int])
t(lambda: dict[str, list[int]])
t(lambda: tuple[int, ...])
t(lambda: tuple[()])
t(lambda: type[int])
t(lambda: list[int].__origin__ is list)
t(lambda: dict[str, int].__args__)
t(lambda: list[int] == list[int])
t(lambda: list[int] == list[str])
t(lambda: list[int]("ab"))
t(lambda: type(list[int]("ab")).__name__)
t(lambda: int | str)
t(lambda: int | None)
t(lambda: (int | str).__args__)
t(lambda: (int | str) == (str | int))
t(lambda: int | int)
t(lambda: isinstance(3, int | str))
t(lambda: isinstance([], list[int]))
t(lambda: issubclass(bool, int | float))
t(lambda: list[int] | None)
t(lambda: hash(int | str) == hash(str | int))
t(lambda: int | "str")
