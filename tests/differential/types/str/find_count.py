# find/rfind/index/rindex/count/startswith/endswith with start/end
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

s = "abracadabra"
for sub in ["a", "abra", "cad", "", "z", "ra", "abracadabra!"]:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub), s.find(sub, 3), s.rfind(sub, 0, 8), s.count(sub, 2, -2))
t(lambda: s.index("z"))
t(lambda: s.rindex("z"))
t(lambda: s.index("a", 100))
t(lambda: s.find("a", -3))
t(lambda: s.find("", 11))
t(lambda: s.find("", 12))
t(lambda: s.count("", 5, 3))
t(lambda: s.find(1))
t(lambda: s.find("a", "1"))
t(lambda: s.find("a", None, None))
t(lambda: s.startswith("abr"))
t(lambda: s.startswith(("x", "ab")))
t(lambda: s.startswith("cad", 4))
t(lambda: s.endswith("bra", 0, 4))
t(lambda: s.endswith(("bra",)))
t(lambda: s.startswith(["a"]))
t(lambda: s.endswith(()))
t(lambda: "".startswith(""))
t(lambda: "ab".startswith("", 3))
t(lambda: "aaaa".count("aa"))
t(lambda: "aaa".replace("aa", "b"))
t(lambda: "abc".replace("", "-"))
t(lambda: "abcabc".replace("b", "X", 1))
t(lambda: "abcabc".replace("b", "X", 0))
t(lambda: "abcabc".replace("b", "X", -1))
t(lambda: "x".replace("x", 1))
t(lambda: "héllo wörld".find("wö"))
t(lambda: "a😀b😀".rfind("😀"))
