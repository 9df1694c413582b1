# every hard keyword is rejected as an assignment target; soft keywords are fine
hard = ["False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
        "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"]
for kw in hard:
    try:
        compile(kw + " = 1", "<kw>", "exec")
        print(kw, "accepted")
    except SyntaxError as e:
        print(kw, "SyntaxError", e.msg)
for soft in ["match", "case", "_", "type"]:
    ns = {}
    exec(soft + " = 7", ns)
    print(soft, ns[soft])
print(__debug__)
try:
    exec("__debug__ = False")
except SyntaxError as e:
    print("SyntaxError", e.msg)
try:
    exec("def f(__debug__): pass")
except SyntaxError as e:
    print("SyntaxError", e.msg)
