# deterministic pseudo-random complexes: repr, arithmetic, string round trip, format
state = 3
def lcg():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state
h = 0
for i in range(3000):
    re = (lcg() % 10**16) * 10.0 ** (lcg() % 40 - 20) * (1 if lcg() % 2 else -1)
    im = (lcg() % 2**53) / 2.0 ** (lcg() % 60) * (1 if lcg() % 3 else -1)
    z = complex(re, im)
    w = complex(im, re / 3)
    s = "%r %s %r %r %r %s %s" % (z, z * w, z / w, z ** 2, complex(repr(z)) == z, format(z, ".3g"), format(z, "^40.2e"))
    for ch in s:
        h = (h * 1000003 + ord(ch)) % 2**61
print(h)
