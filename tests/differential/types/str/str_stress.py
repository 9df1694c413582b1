# deterministic pseudo-random strings through many str methods
state = 11
def lcg():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state
alphabet = "aAbB zZ\t\n\r\x0b\x85\xa0ßİıΣσςﬁǅ·_0١²½€😀\u0345\u2028\u3000.,'\"\\\x00\x7f\u00ad"
def rnd(n):
    return "".join(alphabet[lcg() % len(alphabet)] for _ in range(n))
h = 0
for i in range(1500):
    s = rnd(lcg() % 12)
    t = rnd(lcg() % 3)
    w = lcg() % 15
    vals = [s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold(), s.split(), s.rsplit(None, 1), s.splitlines(True),
            s.strip(), s.lstrip(t), s.rstrip(t or None), s.center(w, "*"), s.zfill(w), s.expandtabs(3), repr(s), ascii(s),
            s.isalnum(), s.isalpha(), s.isdecimal(), s.isdigit(), s.isnumeric(), s.isspace(), s.islower(), s.isupper(), s.istitle(),
            s.isprintable(), s.isidentifier(), s.isascii(), s.find(t), s.rfind(t), s.count(t), s.replace(t, "#") if t else s,
            s.partition(t) if t else None, s.rsplit(t, 2) if t else None, s.startswith(t), s.endswith(t), hash(s) == hash(s[:]),
            s < t, sorted([s, t]), "%-6s|%r" % (s, t), "{:>{}}".format(s, w), s.translate({ord("a"): "xy", ord("Σ"): None})]
    for ch in repr(vals):
        h = (h * 1000003 + ord(ch)) % 2**61
    if i < 2:
        print(vals)
print(h)
