# f-strings across lines, quotes and backslashes (3.11 rules)
name = "krait"
text = f"""line one {name}
line two {name.upper()}
{'third'}"""
print(text)
msg = (f"part one {1} "
       f"part two {2} "
       "plain part")
print(msg)
print(f"{name!r:>{len(name) + 4}}")
print(f'{"double inside single"}', f"{'single inside double'}")
print(f"""{"both" + 'kinds'}""")
nl = "\n"
print(f"a{nl}b")
print(f"{'tab'}\t{'sep'}")
try:
    compile('f"{\'\\n\'}"', "<f>", "eval")
    print("backslash in expression ok")
except SyntaxError as e:
    print("SyntaxError", e.msg)
print(f"{ {'a': 1}['a'] }")
print(f"{ [1, 2][1] }")
print(f"{(1, 2)}")
print(f"{ 1 if True else 2 }")
print(rf"raw \d {name}")
print(f"{name:\n>6}" if False else "skip newline fill")
print(f"{len('''triple''')}")
multi = f"""
    {name}
"""
print(repr(multi))
