# deterministic pseudo-random str.format templates (braces, fields, conversions, specs) and _string's view of them
import _string
state = 44
def lcg():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state
alphabet = "{}{}{}0123!rsa:>.<^x[]ab_"
h = 0
class A:
    a = "AA"
    def __getitem__(self, k):
        return "item" + repr(k)
    def __repr__(self):
        return "A()"
    def __format__(self, spec):
        return "A<" + spec + ">"
for i in range(6000):
    tpl = "".join(alphabet[lcg() % len(alphabet)] for _ in range(lcg() % 9 + 1))
    try:
        r = tpl.format(A(), 12, "s", 3.5, a=A(), b="bee")
    except (ValueError, TypeError, IndexError, KeyError, AttributeError) as e:
        r = type(e).__name__ + ":" + str(e)
    try:
        p = repr(list(_string.formatter_parser(tpl)))
    except ValueError as e:
        p = "VE:" + str(e)
    for ch in r + p:
        h = (h * 1000003 + ord(ch)) % 2**61
    if i % 300 == 0:
        print(repr(tpl), repr(r), p)
print(h)
