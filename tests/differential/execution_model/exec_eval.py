# exec/eval with explicit globals and locals
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

g = {"a": 1}
exec("b = a + 1", g)
print(g["b"], "__builtins__" in g)
l = {}
exec("c = 5\nd = c * 2", {}, l)
print(sorted(l.items()))
t(lambda: eval("a + b", g))
t(lambda: eval("x", {}, {"x": 42}))
t(lambda: eval("x", {"x": 1}, {"x": 2}))
t(lambda: eval("undefined_thing", {}))
t(lambda: eval("len('abc')", {"__builtins__": {}}))
t(lambda: eval("len('abc')", {"__builtins__": {"len": lambda s: "fake"}}))
t(lambda: eval("1 +"))
t(lambda: eval("x = 1"))
t(lambda: exec("return 1"))
t(lambda: exec("yield 1"))
t(lambda: eval(5))
t(lambda: eval("1", []))
t(lambda: exec("1", {}, 5))
t(lambda: eval("  1 + 1"))
t(lambda: eval("\t2"))
t(lambda: eval("3\n"))
t(lambda: eval("4\n\n  "))
t(lambda: exec("def f():\n    return 'from exec'\nr = f()", g) or g["r"])
code = compile("p * 2", "<expr>", "eval")
t(lambda: eval(code, {"p": 21}))
code2 = compile("q = 7", "<stmt>", "exec")
ns = {}
exec(code2, ns)
print(ns["q"])
t(lambda: eval(code2))
t(lambda: compile("x", "<s>", "bogus"))
t(lambda: type(compile("print(1)", "<s>", "single")).__name__)
exec(compile("print('single mode')", "<s>", "single"))
t(lambda: compile("a\nb", "<s>", "single"))
class Mapping:
    def __getitem__(self, k):
        if k == "magic":
            return "from mapping"
        raise KeyError(k)
t(lambda: eval("magic", {}, Mapping()))
t(lambda: eval("len", {}, Mapping()))
def in_function():
    exec("local_from_exec = 3")
    return "local_from_exec" in locals()
t(in_function)
