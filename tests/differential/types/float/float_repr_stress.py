# shortest round-trip repr over many pseudo-random doubles (deterministic LCG)
state = 2463534242
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state
out = []
for i in range(400):
    a = rnd()
    mant = (a >> 11) / 2**53
    exp = (a % 600) - 300
    v = mant * 10.0 ** exp
    if a & 1:
        v = -v
    r = repr(v)
    assert float(r) == v
    out.append(r)
for i in range(0, 400, 8):
    print(" ".join(out[i:i + 8]))
print(repr(sum(float(x) for x in out[:50])))
vals = [1 / n for n in range(1, 40)]
print([repr(v) for v in vals[::4]])
print([repr(2.0 ** -e) for e in range(1, 80, 9)])
print([str(10.0 ** e) for e in range(-8, 24, 3)])
