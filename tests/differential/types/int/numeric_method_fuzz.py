# deterministic pseudo-random calls of int/float/complex/bool methods and operators with assorted arguments
state = 99
def lcg():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state
pool = [0, 1, -1, 2, 7, -3, 64, None, "", "x", "10", "big", "little", 1.5, -0.0, 0.0, 1e308, float("inf"), float("nan"), 2j, 1+1j, True, False, (), [1], b"\x01"]
vals = [0, 5, -12, 2**70, -(2**65), 0.0, -2.5, 1e-300, 3.25e100, float("inf"), float("nan"), 1j, -2+0.5j, 1, 0]
h = 0
for i in range(20000):
    v = vals[lcg() % len(vals)]
    names = [n for n in dir(type(v)) if n not in ("__new__", "__init__", "__init_subclass__", "__subclasshook__", "__class__", "__delattr__",
             "__setattr__", "__getattribute__", "__dir__", "__reduce__", "__reduce_ex__", "__getstate__", "__doc__", "__sizeof__", "__format__", "__hash__", "__repr__", "__str__")]
    name = names[lcg() % len(names)]
    args = [pool[lcg() % len(pool)] for _ in range(lcg() % 3)]
    try:
        a = getattr(v, name)
        r = repr(a(*args)) if callable(a) else repr(a)
    except Exception as e:
        r = type(e).__name__ + ":" + str(e)
    if "object at 0x" in r or "method-wrapper" in r or "built-in method" in r:
        r = "<obj>"
    for ch in name + r:
        h = (h * 1000003 + ord(ch)) % 2**61
    if i % 1000 == 0:
        print(name, repr(v), args, r[:80])
print(h)
