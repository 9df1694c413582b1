# tuple lexicographic comparison and hashing
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: (1, 2) < (1, 3))
t(lambda: (1, 2) < (1, 2, 0))
t(lambda: () < (0,))
t(lambda: (1, "a") < (1, "b"))
t(lambda: (1, "a") < (2, 1))
t(lambda: (1, "a") < (1, 2))
t(lambda: (1, 2) == (1, 2.0))
t(lambda: (1, 2) == [1, 2])
t(lambda: (1, 2) < [1, 2])
t(lambda: sorted([(2, "b"), (1, "z"), (2, "a"), (1,)]))
nan = float("nan")
t(lambda: (nan,) == (nan,))
t(lambda: [nan] == [nan])
t(lambda: (float("nan"),) == (float("nan"),))
t(lambda: hash((1, 2)) == hash((1, 2)))
t(lambda: hash(()))
t(lambda: hash((1, 2, 3)))
t(lambda: hash((1, (2, 3))))
t(lambda: hash((-1,)))
t(lambda: hash((1.5, True)))
t(lambda: hash(([],)))
t(lambda: hash((1, {})))
t(lambda: {(1, 2): "a"}[(1, 2)])
class E:
    def __eq__(self, o):
        print("E.__eq__")
        return True
t(lambda: (E(),) == (1,))
e = E()
t(lambda: (e,) == (e,))
t(lambda: (1, e) < (2, e))
t(lambda: max((1, 2), (1, 3), (0, 9)))
t(lambda: (3, 1) > (3,) > ())
