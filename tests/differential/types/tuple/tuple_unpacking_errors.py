# unpacking errors in all positions and their messages
def t(src):
    try:
        ns = {}
        exec(src, ns)
        print("ok", sorted((k, v) for k, v in ns.items() if k != "__builtins__"))
    except Exception as e:
        print(type(e).__name__, e)
t("a, b = 1, 2, 3")
t("a, b, c = 1, 2")
t("a, *b, c = [1]")
t("a, (b, c) = 1, (2,)")
t("a, = []")
t("a, = [1]")
t("[a] = 'x'")
t("a, b = 'xy'")
t("a, b = {1: 2, 3: 4}")
t("a, b = None")
t("a, b = 1")
t("*a, b = range(0)")
t("a, *b = iter([1, 2, 3])")
t("for a, b in [(1, 2, 3)]: pass")
t("for a, b in [1]: pass")
t("[x for x, y in [(1,)]]")
t("def f(): a, b = yield\ng = f(); next(g); g.send((1, 2, 3))")
