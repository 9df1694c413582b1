# exec() in a function writes into the frame's locals() snapshot, which
# locals() keeps returning (CPython's f_locals)
def f():
    exec("added = 3")
    a = 1
    d = locals()
    print(sorted(d))
    del a
    print(sorted(locals()), locals() is d)
    exec("b = 5", globals(), d)
    print(d["b"], "b" in locals())
f()
def g():
    x = 1
    exec("x = 2")
    return x
print(g())
for bad in [lambda: eval("1", 5), lambda: eval("1", {}, 5), lambda: exec("1", [], {}), lambda: exec("1", {}, 5), lambda: eval("1", [1])]:
    try: bad()
    except TypeError as e: print(e)
