# every valid string prefix combination, and invalid ones rejected by the tokenizer
valid = ["r", "u", "R", "U", "f", "F", "fr", "Fr", "fR", "FR", "rf", "rF", "Rf", "RF",
         "b", "B", "br", "Br", "bR", "BR", "rb", "rB", "Rb", "RB"]
for p in valid:
    src = p + "'x\\n{1}'"
    try:
        v = eval(src)
        print(p, type(v).__name__, repr(v))
    except SyntaxError as e:
        print(p, "SyntaxError", e.msg)
for p in ["ub", "ur", "bu", "fb", "bf", "uf", "rr", "bb", "ff", "x"]:
    src = p + "'x'"
    try:
        eval(src)
        print(p, "accepted?")
    except SyntaxError as e:
        print(p, "SyntaxError", e.msg)
    except NameError as e:
        print(p, "NameError", e)
