# -*- coding: utf-8 -*-
# source encoding declaration and non-ASCII content
s = "Grüße, 世界, Привет, مرحبا, 😀"
print(s)
print(len(s), s.encode("utf-8")[:10])
print("é" == "\u00e9", "é" == "e\u0301", len("e\u0301"))
print("ǅ".lower(), "ß".upper())
print(sorted(["é", "e", "z", "a", "É"]))
π = 3.14159
print(π)
def größe(x):
    return x * 2
print(größe(21))
print(eval("'ü'"), eval(b"'\xc3\xbc'"))
print(eval("# -*- coding: latin-1 -*-\n'x'"))
print(compile("'é'", "<s>", "eval").co_consts)
try:
    eval(b"'\xff'")
except SyntaxError as e:
    print("SyntaxError", e.msg)
print(exec("v = 'ñ'") or "executed")
print(repr("\u202e"), ascii("\u202e"))
print("a\u0000b".split("\x00"))
