# memoryview casts, slices, item reads/writes and comparisons on fixed-seed random data
state = 777
def rng():
    global state
    state = (state * 1103515245 + 12345) % (1 << 31)
    return state
def r(a, b):
    return a + rng() % (b - a + 1)
fmts = ["B", "b", "c", "h", "H", "i", "I", "l", "L", "q", "Q", "?", "f", "d"]
def show(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
for i in range(300):
    data = bytearray(r(0, 255) for _ in range(8 * r(0, 3)))
    m = memoryview(data)
    fmt = fmts[r(0, len(fmts) - 1)]
    c = show(lambda: m.cast(fmt).tolist())
    print(i, fmt, c)
    if c.startswith("["):
        v = m.cast(fmt)
        s = slice(r(-5, 5), r(-5, 5), r(-2, 2) or 1)
        print("  slice", show(lambda: v[s].tolist()), show(lambda: v[s].tobytes().hex()), show(lambda: v[s] == v.tolist()[s]))
        k = r(-3, 3)
        val = [r(-300, 300), 1.5, b"x", True, None][r(0, 4)]
        print("  set", show(lambda: v.__setitem__(k, val)), data.hex())
        print("  get", show(lambda: v[k]), show(lambda: len(v)), show(lambda: v == memoryview(bytes(data)).cast(fmt)))
        if len(data) >= 4:
            print("  2d", show(lambda: m.cast("B", [2, len(data) // 2]).tolist()), show(lambda: m.cast("B", [2, len(data) // 2])[1, 0]))
