# closure cells: sharing, rebinding, cell_contents, empty cells
def make_pair():
    shared = []
    def add(v):
        shared.append(v)
    def get():
        return list(shared)
    return add, get
add, get = make_pair()
add(1); add(2)
print(get())
def rebinding():
    x = 1
    def read():
        return x
    x = 2
    return read()
print(rebinding())
def empty_cell():
    def f():
        return later
    c = f.__closure__[0]
    try:
        c.cell_contents
    except ValueError as e:
        print("ValueError", e)
    later = "bound"
    return c.cell_contents
print(empty_cell())
def cell_write():
    v = 1
    def f():
        return v
    f.__closure__[0].cell_contents = 42
    return v, f()
print(cell_write())
def multiple_free():
    a, b, c = 1, 2, 3
    def f():
        return a + c
    return f.__code__.co_freevars, len(f.__closure__)
print(multiple_free())
def no_closure():
    def f():
        return 1
    return f.__closure__
print(no_closure())
def param_cell(p):
    def f():
        return p
    p = p * 2
    return f()
print(param_cell(21))
def loop_cells():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    return [f() for f in fs], fs[0].__closure__[0] is fs[1].__closure__[0]
print(loop_cells())
