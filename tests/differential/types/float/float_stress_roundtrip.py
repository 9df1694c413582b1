# deterministic pseudo-random floats: repr, str, round, %-format, format specs, float(repr(x)) round trip
state = 12345
def lcg():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state
out = []
for i in range(3000):
    m = lcg() % 10**17
    e = lcg() % 40 - 20
    x = m * 10.0 ** e * (1 if lcg() % 2 else -1)
    y = (lcg() % 2**53) / 2.0 ** (lcg() % 80)
    for v in (x, y):
        r = repr(v)
        assert float(r) == v
        n = lcg() % 12 - 3
        out.append("%s %s %r %.3e %.10g %s %s %s" % (r, str(v * 3), round(v, n), v, v, format(v, ".4f"), format(v, "g"), format(v, ",.2f")))
h = 0
for s in out:
    for ch in s:
        h = (h * 1000003 + ord(ch)) % 2**61
print(len(out), h)
print(out[:5])
print(out[-3:])
# whole exponent range, subnormals included
for i in range(2000):
    e = lcg() % 2100 - 1130
    z = (lcg() % 2**53) * 2.0 ** max(e, -1074) if e < 900 else (lcg() % 2**53) * 2.0 ** 900 * 2.0 ** (e - 900)
    s = "%r %.17g %s %r" % (z, z, format(z, ".3"), z / 7)
    for ch in s:
        h = (h * 1000003 + ord(ch)) % 2**61
print(h)
