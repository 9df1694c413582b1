# Code's builtins come from globals' __builtins__, whatever mapping (or
# object) it is: lookups then use [] and their errors propagate.
code = compile("print('Hello World!')", "", "exec")
for b in [{}, 123]:
    try:
        exec(code, {"__builtins__": b})
    except Exception as e:
        print(type(e).__name__, e)

class Err(Exception):
    pass

class GetErr(dict):
    def __getitem__(self, key):
        raise Err(key)

for src, g in [("globalname", GetErr({"globalname": 1})), ("superglobal", {"__builtins__": GetErr({"superglobal": 1})})]:
    try:
        exec(compile(src, "test", "exec"), g)
    except Err as e:
        print("Err", e)

class Custom(dict):
    pass

exec("x = superglobal", g := {"__builtins__": Custom({"superglobal": 5})})
print(g["x"])
try:
    exec("class A: pass", {"__builtins__": {}})
except NameError as e:
    print(e)

def f():
    return len
print(eval("f()", {"__builtins__": {"len": "mylen"}, "f": f}))
ns = {"__builtins__": Custom({"len": "custom len"})}
exec("def g():\n    return len\nr = g()", ns)
print(ns["r"])
