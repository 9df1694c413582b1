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
