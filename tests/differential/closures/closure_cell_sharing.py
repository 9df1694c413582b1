# several closures sharing one cell, cells surviving their frame, cell identity
def make():
    value = 0
    def get():
        return value
    def set_(v):
        nonlocal value
        value = v
    return get, set_
get, set_ = make()
set_(5)
print(get())
get2, set2 = make()
set2(9)
print(get(), get2())
print(get.__closure__[0] is set_.__closure__[0], get.__closure__[0] is get2.__closure__[0])
def loop_closures():
    result = []
    for i in range(3):
        def f():
            return i
        result.append(f)
    i = 100
    return [f() for f in result]
print(loop_closures())
def arg_cell(x):
    def show():
        return x
    x += 1
    return show
print(arg_cell(1)())
def deep_share():
    n = [0]
    def a():
        def b():
            n[0] += 1
            return n[0]
        return b
    return a()
b = deep_share()
print(b(), b(), b())
