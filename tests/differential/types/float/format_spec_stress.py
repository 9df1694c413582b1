# deterministic pseudo-random format specs applied to ints, floats, complexes and strs
state = 21
def lcg():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state
def pick(*opts):
    return opts[lcg() % len(opts)]
h = 0
values = [0, -7, 123456789, 2**70, 0.0, -0.0, 1.5, -1234.5678, 1e-7, 3.1e22, float("inf"), float("nan"), 1+2j, -0.5-1e10j, "", "héllo", True]
for i in range(8000):
    spec = (pick("", "", "*", "é", "0") + pick("<", ">", "^", "=") if lcg() % 3 == 0 else "") + pick("", "", "+", "-", " ") + pick("", "", "z") + \
        pick("", "", "#") + pick("", "", "0") + pick("", "", "5", "12", "1") + pick("", "", ",", "_") + pick("", "", ".0", ".3", ".12") + \
        pick("", "", "d", "f", "F", "e", "E", "g", "G", "%", "n", "x", "X", "o", "b", "c", "s", "r")
    v = values[lcg() % len(values)]
    try:
        r = format(v, spec)
    except (ValueError, TypeError, OverflowError) as e:
        r = type(e).__name__ + ":" + str(e)
    for ch in r:
        h = (h * 1000003 + ord(ch)) % 2**61
    if i % 400 == 0:
        print(repr(v), repr(spec), repr(r))
print(h)
