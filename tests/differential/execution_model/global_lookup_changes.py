# global and builtin lookups see every change: rebinding, deletion,
# shadowing a builtin, deleting the shadow, and running one code object
# under different globals
import builtins
def get():
    return len("ab"), x
x = 1
print(get())
x = 2
print(get())
len = lambda s: "shadow"
print(get())
del len
print(get())
builtins.len = lambda s: "patched builtin"
print(get())
del builtins.len
try:
    get()
except NameError as e:
    print("NameError", e)
import sys
builtins.len = type(sys.intern).__call__.__class__ and (lambda s: sum(1 for _ in s))
print(get())
del x
try:
    get()
except NameError as e:
    print("NameError", e)
code = compile("y = k * 2", "<g>", "exec")
for k in range(3):
    g = {"k": k}
    exec(code, g)
    print(g["y"])
g2 = {"k": 10, "__builtins__": {"len": lambda s: -1}}
exec("print_result = len('abc')", g2)
print(g2["print_result"])
def loop():
    total = 0
    for i in range(5):
        total += i * factor
        if i == 2:
            globals()["factor"] = 100
    return total
factor = 1
print(loop())
