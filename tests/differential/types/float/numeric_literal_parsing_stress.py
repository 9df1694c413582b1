# deterministic pseudo-random numeric literals through int(), float(), complex() (values or error messages)
state = 5
def lcg():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state
alphabet = "0123456789_.eE+-xXoObBjJ naifty(N)\t١"
h = 0
def res(f, *a):
    try:
        return repr(f(*a))
    except (ValueError, TypeError, OverflowError) as e:
        return type(e).__name__ + str(e)
for i in range(6000):
    s = "".join(alphabet[lcg() % len(alphabet)] for _ in range(lcg() % 7 + 1))
    base = [0, 2, 8, 10, 16, 36][lcg() % 6]
    r = res(int, s) + res(int, s, base) + res(float, s) + res(complex, s)
    for ch in r:
        h = (h * 1000003 + ord(ch)) % 2**61
    if "Error" not in r[:6] and i % 50 == 0:
        print(repr(s), r)
print(h)
