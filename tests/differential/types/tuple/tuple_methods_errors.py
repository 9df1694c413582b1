# tuple method and operator errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

tp = (1, 2, 3, 2)
t(lambda: tp.index())
t(lambda: tp.index(2, 2))
t(lambda: tp.index(9))
t(lambda: tp.index(2, "1"))
t(lambda: tp.count())
t(lambda: tp.count(2))
t(lambda: tp + [4])
t(lambda: tp * 1.5)
t(lambda: tp * -3)
t(lambda: tp[1:3:0])
t(lambda: tp["0"])
t(lambda: tp.__getitem__(10))
t(lambda: tuple.__new__(list))
t(lambda: tuple(1, 2))
t(lambda: tuple(iterable=[1]))
t(lambda: tp < (1, "a"))
t(lambda: hash((1, [2])))
t(lambda: tp.__len__())
t(lambda: tp.__contains__(3))
t(lambda: (1,).__add__((2,)))
t(lambda: (1,).__mul__(3))
