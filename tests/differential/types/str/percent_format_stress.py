# deterministic pseudo-random %-format specifiers applied to ints, floats and strs
state = 33
def lcg():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state
def pick(*opts):
    return opts[lcg() % len(opts)]
h = 0
values = [0, -7, 255, 2**70, 0.0, -0.0, 1.5, -1234.5678, 1e-7, 3.1e22, float("inf"), float("nan"), "", "héllo", True, 65, "x", None]
for i in range(8000):
    spec = "%" + pick("", "", "-", "+", " ", "#", "0", "-0", "+#", " 0") + pick("", "", "5", "12", "1") + pick("", "", ".0", ".3", ".12") + \
        pick("d", "i", "u", "f", "F", "e", "E", "g", "G", "x", "X", "o", "c", "s", "r", "a", "%")
    v = values[lcg() % len(values)]
    try:
        r = spec % (v,)
    except (ValueError, TypeError, OverflowError) as e:
        r = type(e).__name__ + ":" + str(e)
    for ch in r:
        h = (h * 1000003 + ord(ch)) % 2**61
    if i % 400 == 0:
        print(repr(v), repr(spec), repr(r))
print(h)
