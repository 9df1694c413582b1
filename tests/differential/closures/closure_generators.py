# closures and generators capturing each other's state
def make_gen_and_reader():
    state = {"count": 0}
    def gen():
        while True:
            state["count"] += 1
            yield state["count"]
    def read():
        return state["count"]
    return gen(), read
g, read = make_gen_and_reader()
next(g); next(g)
print(read())
def outer():
    x = 1
    def gen():
        nonlocal x
        while x < 100:
            yield x
            x *= 3
    g = gen()
    first = list(g)
    return first, x
print(outer())
def lazy_sum():
    total = 0
    def add_all(values):
        nonlocal total
        for v in values:
            total += v
            yield total
    return add_all, lambda: total
add_all, get_total = lazy_sum()
running = add_all([1, 2, 3, 4])
print(next(running), get_total())
print(list(running), get_total())
