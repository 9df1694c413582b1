# str classification predicates
samples = ["abc", "ABC123", "123", "１２３", "½", "²", "Ⅷ", "٣", "", " \t\n", "\x0b\x0c\x1c", "a b",
           "_id", "1id", "id1", "if", "λx", "ℕ", "é", "\u00a0", "abc\x00", "\x7f", "\u2028", "x\u0301"]
for s in samples:
    print(repr(s), s.isalpha(), s.isalnum(), s.isdigit(), s.isdecimal(), s.isnumeric(),
          s.isspace(), s.isidentifier(), s.isprintable(), s.isascii())
try:
    "a".isalpha(1)
except TypeError as e:
    print("TypeError", e)
for s in ["Hello World", "hello world", "HELLO", "Hello world", "123 Abc", "Ab1 Cd2", "ǅungla", "", "a", "A"]:
    print(repr(s), s.istitle(), s.isupper(), s.islower(), s.title() == s)
for s in ["0", "00", "-1", "+1", "1.5", "1_000", "½", "³", "١٢", "ⅻ", "〇", "五"]:
    print(repr(s), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum())
for s in ["x", "x1", "_", "__init__", "1x", "x-y", "x y", "ñ", "ℵ", "a\u0301", "\u0301a", "if", "None", ""]:
    print(repr(s), s.isidentifier())
for s in ["print", "tab\t", "nl\n", "nbsp\u00a0", "soft\u00ad", "zw\u200b", "emoji😀", "\U000e0001"]:
    print(repr(s), s.isprintable())
