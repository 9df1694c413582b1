# string literal forms and escapes
print('single', "double", '''triple single''', """triple double""")
print('it\'s', "say \"hi\"", 'mixed "quotes"', "mixed 'quotes'")
print("\a\b\f\v".encode(), "\n\t\r\\".encode())
print("\x41\x42", "\101\102", "\0", "\u00e9", "\U0001F600", "\N{LATIN SMALL LETTER E WITH ACUTE}", "\N{BULLET}")
print(r"\n\t\x41", R"raw\\", r'\'', rb"\x00", Rb"\n", bR"a\b", BR"x")
print(b"bytes\x00\xff", B"upper", b'\'')
print("implicit" " concatenation" ' of' """ literals""")
print(("multi"
       "line"
       "concat"))
print("""line one
line two\
 continued""")
print('''a\
b''')
print("\
joined")
print(len("\U0001F600"), len("\N{GRINNING FACE}"), "\N{grinning face}" == "\U0001F600")
print(u"unicode prefix", U"also")
print(repr("\z"), repr("\8"), repr("\400"))
def c(src):
    try:
        print(repr(eval(src)))
    except SyntaxError as e:
        print("SyntaxError", e.msg)
for src in [r'"\x4"', r'"\u12"', r'"\U1234567"', r'"\U00110000"', r'"\N{NO SUCH NAME}"', r'"\N"', r'b"\u0041"',
            r'b"é"', r'"unterminated', r"'''open", r'br"\q"', r'ub"x"', r'rf"{1}"', r'f"{1}" b"x"', r'"a" b"b"', r'"\N{LATIN SMALL LETTER A}"']:
    c(src)
print(type("x").__name__, type(b"x").__name__)
