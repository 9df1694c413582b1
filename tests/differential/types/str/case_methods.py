# str case methods, including non-ASCII
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for s in ["hello world", "HELLO", "hELLo wORLD", "ß", "ﬁ", "İ", "ǅ", "straße", "ΣΑΣ", "o'neil's dog", "123abc", "", "  x  ", "ǈemma"]:
    print(repr(s), repr(s.upper()), repr(s.lower()), repr(s.title()), repr(s.capitalize()), repr(s.swapcase()), repr(s.casefold()))
for s in ["abc", "ABC", "Abc", "aBC", "123", "a1", "A Title String", "Not a title", "", " ", "ǅ", "Σ"]:
    print(repr(s), s.islower(), s.isupper(), s.istitle(), s.isspace())
t(lambda: "abc".upper(1))
t(lambda: str.lower(5))
