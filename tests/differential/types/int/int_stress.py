# deterministic pseudo-random big ints: arithmetic, shifts, bit ops, pow, round, formatting, round trips
state = 7
def lcg():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return state
h = 0
for i in range(3000):
    nb = lcg() % 300
    a = lcg() ** (nb // 64 + 1) % 2**nb * (1 if lcg() % 2 else -1)
    b = lcg() % 2**(lcg() % 130) + 1
    vals = [a // b, a % b, divmod(a, -b), a * b, a >> (lcg() % 70), a << (lcg() % 70), a & b, a | -b, a ^ b, pow(a, 3, b), abs(a) ** (lcg() % 4), round(a, -(lcg() % 20)), a.bit_length(), a.bit_count(), a / b, int(str(a)) == a, int(hex(a), 16) == a]
    s = "%r %s %s %s %s %s %d %x" % (vals, format(a, ","), format(a, "_x"), format(a, "#o"), format(a, ">40"), format(a, "e"), a, a)
    for ch in s:
        h = (h * 1000003 + ord(ch)) % 2**61
    if i < 3:
        print(s)
print(h)
