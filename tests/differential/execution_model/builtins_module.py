# the builtins namespace: shadowing, restoring, __builtins__ access
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

b = __builtins__ if isinstance(__builtins__, dict) else vars(__builtins__)
t(lambda: b["len"] is len)
t(lambda: "print" in b)
t(lambda: b["None"] if "None" in b else "None is a keyword")
len = lambda x: "shadowed len"
t(lambda: len([1]))
del len
t(lambda: len([1]))
def local_shadow():
    abs = "not a function"
    return abs
t(local_shadow)
t(lambda: abs(-3))
b["my_builtin"] = "added to builtins"
t(lambda: my_builtin)
def in_func():
    return my_builtin
t(in_func)
del b["my_builtin"]
t(lambda: my_builtin)
t(lambda: [k for k in ("True", "False", "Ellipsis", "NotImplemented", "__debug__") if k in b])
t(lambda: type(b["__build_class__"]).__name__)
t(lambda: b["__name__"])
t(lambda: callable(b["__import__"]))
t(lambda: eval("int", {"__builtins__": {"int": "custom"}}))
