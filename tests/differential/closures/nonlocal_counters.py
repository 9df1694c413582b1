# nonlocal state machines and accumulators
def accumulator(start):
    total = start
    def add(n):
        nonlocal total
        total += n
        return total
    return add
acc = accumulator(10)
print(acc(1), acc(5), acc(-20))
def fib_gen_closure():
    a, b = 0, 1
    def nxt():
        nonlocal a, b
        r = a
        a, b = b, a + b
        return r
    return nxt
f = fib_gen_closure()
print([f() for _ in range(10)])
def toggler():
    state = False
    def toggle():
        nonlocal state
        state = not state
        return state
    return toggle
t = toggler()
print(t(), t(), t())
def deep():
    level = 0
    def a():
        def b():
            def c():
                nonlocal level
                level += 1
                return level
            return c()
        return b()
    a(); a()
    return level
print(deep())
def nonlocal_del():
    x = 1
    def d():
        nonlocal x
        del x
    d()
    try:
        return x
    except NameError as e:
        return "NameError: " + str(e)
print(nonlocal_del())
def nonlocal_in_loop():
    found = None
    def search(items):
        nonlocal found
        for it in items:
            if it > 2:
                found = it
                return
    search([1, 2, 3, 4])
    return found
print(nonlocal_in_loop())
