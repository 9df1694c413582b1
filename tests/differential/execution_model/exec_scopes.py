# exec/eval namespaces: functions defined in exec see exec's globals; class bodies in exec
g = {"factor": 3}
exec("def scale(x):\n    return x * factor", g)
print(g["scale"](5))
g["factor"] = 10
print(g["scale"](5))
loc = {}
exec("class K:\n    attr = 'from exec'\n", {}, loc)
print(loc["K"].attr, loc["K"].__module__ if hasattr(loc["K"], "__module__") else None)
ns = {"__name__": "custom_module"}
exec("class M:\n    pass\nname = M.__module__", ns)
print(ns["name"])
g2 = {}
l2 = {}
exec("a = 1\ndef f():\n    return a\nresult = None", g2, l2)
try:
    l2["f"]()
except NameError as e:
    print("NameError", e)
print(sorted(l2))
print(eval("[y for y in range(3)]", {}, {}))
print(eval("[x * z for z in range(3)]", {"x": 2}))
try:
    print(eval("[x * z for z in range(3)]", {}, {"x": 2}))
except NameError as e:
    print("NameError (comprehension cannot see eval locals)", e)
print(eval("x * 2", {}, {"x": 21}))
code = compile("total = sum(values)", "<agg>", "exec")
for vals in ([1, 2], [10, 20, 30]):
    env = {"values": vals}
    exec(code, env)
    print(env["total"])
