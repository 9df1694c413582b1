# expression statements and the interactive 'single' mode echo
1 + 1
"docstring-like string"
[x for x in range(3)]
(lambda: print("lambda called"))()
print("value of print is", print())
exec(compile("1 + 2\n", "<single>", "single"))
exec(compile("'str'\n", "<single>", "single"))
exec(compile("None\n", "<single>", "single"))
exec(compile("[1, None]\n", "<single>", "single"))
exec(compile("x = 5\n", "<single>", "single"))
exec(compile("if True:\n    7\n\n", "<single>", "single"))
exec(compile("42\n", "<single>", "single"))
exec(compile("'again'\n", "<single>", "single"))
class Loud:
    def __repr__(self):
        return "Loud()"
exec(compile("Loud()\n", "<single>", "single"), {"Loud": Loud})
print(eval("_", {"_": "underscore var"}) if True else None)
