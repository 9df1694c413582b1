# substring search, count, replace, split, partition across PEP 393 widths
hays = ["abcabcab", "aéaéaé", "€a€b€a€", "😀a😀€😀a😀", "ÿ\u0100ÿ\u0100", "a" * 50 + "b", ""]
needles = ["", "a", "ab", "é", "€", "😀", "😀a", "a😀", "\u0100", "ÿ", "b€", "aa", "zzz", "a" * 51]
for h in hays:
    for n in needles:
        print(repr(h), repr(n), h.find(n), h.rfind(n), h.count(n), n in h, h.startswith(n), h.endswith(n),
              h.find(n, 2), h.rfind(n, 1, -1), h.count(n, 1, 5))
        if n:
            print("  ", h.split(n), h.rsplit(n, 1), h.split(n, 2), h.partition(n), h.rpartition(n), h.replace(n, "<>"), h.replace(n, "€", 1))
print("aaaa".replace("aa", "b"), "aaaa".count("aa"), "aaaa".rsplit("aa"), "€€€€".replace("€€", "x"), "😀😀😀".rsplit("😀😀"))
print("abc".replace("", "-", 2), "é".replace("", "😀"), "".replace("", "x"), "ab".replace("", ""))
print("x".join("€😀"), "😀".join(["a", "b"]), ("ab" * 3).index("ba", 2), "a€a€".rindex("€", 0, 3))
print("abc" < "abd", "ab€" < "ab😀", "😀" > "\uffff", "a" * 3 + "€" == "aaa€", "é" == "e\u0301", sorted(["\u0100", "ÿ", "😀", "€", "a"]))
