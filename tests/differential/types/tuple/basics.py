# tuple construction, repr, indexing, immutability
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: ())
t(lambda: (1,))
t(lambda: tuple("abc"))
t(lambda: tuple(range(3)))
t(lambda: tuple({3: 1, 1: 2}))
t(lambda: tuple(5))
t(lambda: tuple([1], [2]))
t(lambda: ((1, 2), [3], "s", None, (), ((),)))
x = (10, 20, 30, 40, 50)
t(lambda: (x[0], x[-1], x[1:3], x[::-1], x[::2], x[5:], x[-100:100]))
t(lambda: x[5])
t(lambda: x[-6])
t(lambda: x["a"])
t(lambda: x.index(30))
t(lambda: x.index(99))
t(lambda: x.index(30, 3))
t(lambda: x.count(10))
t(lambda: (1, 2) + (3,))
t(lambda: (1, 2) + [3])
t(lambda: (1, 2) * 3)
t(lambda: (1,) * -1)
t(lambda: 3 in x)
t(lambda: 30 in x)
def assign():
    x[0] = 1
t(assign)
def delete():
    del x[0]
t(delete)
t(lambda: x.append(1))
t(lambda: len(x))
t(lambda: tuple(x) is x)
t(lambda: x[:] is x)
a, *b, c = x
print(a, b, c)
t(lambda: tuple.__new__(tuple, [1, 2]))
class P(tuple):
    pass
p = P([1, 2])
t(lambda: (p, type(p).__name__, type(p + (3,)).__name__, type(p[:]).__name__))
t(lambda: ([],) + ([],))
