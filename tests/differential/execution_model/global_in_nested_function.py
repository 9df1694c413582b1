# A `global` statement in a nested function makes the name global in the
# module's code too: exec() with separate globals and locals stores it in
# the globals (CPython's symbol table records it module-wide).
g_ns = {}
l_ns = {}
exec("""if 1:
    def f():
        y = 1
        def g():
            global y
            return y
        def h():
            return y + 1
        return g, h
    y = 9
    g, h = f()
    result9 = g()
    result2 = h()
""", g_ns, l_ns)
print(sorted(k for k in g_ns if k != "__builtins__"))
print(sorted(l_ns))
print(g_ns["y"], l_ns["result9"], l_ns["result2"])

g_ns = {}
l_ns = {}
exec("""if 1:
    x = 7
    def f():
        def g():
            def h():
                global x
                return x
            return h()
        return g()
    r = f()
""", g_ns, l_ns)
print(g_ns.get("x"), l_ns.get("x"), l_ns["r"])
