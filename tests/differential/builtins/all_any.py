# all() and any(): short circuit, empty iterables, errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: all([]))
t(lambda: any([]))
t(lambda: all([1, 2, 3]))
t(lambda: all([1, 0, 3]))
t(lambda: any([0, "", None, 5]))
t(lambda: any([0, "", None]))
t(lambda: all("abc"))
t(lambda: all(["a", ""]))
t(lambda: any(5))
t(lambda: all())
def gen(vals):
    for v in vals:
        print("yield", v)
        yield v
t(lambda: all(gen([1, 0, 2])))
t(lambda: any(gen([0, 3, 0])))
t(lambda: all(x > 0 for x in range(1, 5)))
t(lambda: any(x > 3 for x in range(1, 5)))
t(lambda: all([[]]))
t(lambda: any([[0]]))
class B:
    def __bool__(self):
        raise RuntimeError("bool failed")
t(lambda: any([B()]))
t(lambda: all([0, B()]))
t(lambda: any({0: 1}))
t(lambda: all({0: 1}.values()))
