# deterministic pseudo-random calls of str methods with assorted arguments (results or errors)
state = 77
def lcg():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state
pool = [0, 1, -1, 2, 3, -5, 100, 2**63, -2**63, 2**100, None, "", "a", "ab", "é", "😀", "\t", " ", "x" * 20, b"a", 1.5, (), ("a",), ("a", 1), [], {}, {97: "b"}, True]
strs = ["", "abc", "a b\tc\n", "ÉéΣ", "😀x😀", "  -42  ", "A1_", "\u2028\x85"]
names = [n for n in dir(str) if not n.startswith("__") and n not in ("maketrans", "encode")] + ["__getitem__", "__mul__", "__mod__", "__contains__", "__format__", "__add__", "__lt__", "__eq__", "__hash__", "__len__", "__rmul__"]
h = 0
for i in range(20000):
    s = strs[lcg() % len(strs)]
    name = names[lcg() % len(names)]
    args = [pool[lcg() % len(pool)] for _ in range(lcg() % 4)]
    try:
        r = repr(getattr(s, name)(*args))
    except Exception as e:
        r = type(e).__name__ + ":" + str(e)
    for ch in name + r:
        h = (h * 1000003 + ord(ch)) % 2**61
    if i % 1000 == 0:
        print(name, repr(s), args, r[:80])
print(h)
