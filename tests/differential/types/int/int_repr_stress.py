# str/hex/oct/bin of many pseudo-random big ints and their round trips
state = 88172645463325252
def rnd():
    global state
    state ^= (state << 13) & (2**64 - 1)
    state ^= state >> 7
    state ^= (state << 17) & (2**64 - 1)
    return state
for size in [1, 2, 3, 5, 8, 13]:
    n = 0
    for _ in range(size):
        n = (n << 64) | rnd()
    if rnd() & 1:
        n = -n
    s = str(n)
    print(size, len(s), s[:25], s[-10:], hex(n)[:20], int(s) == n, int(hex(n), 16) == n, int(oct(n), 8) == n, int(bin(n), 2) == n)
    print(" ", n % 1000000007, n // 10**20 % 1000, format(n, ",")[-15:], format(abs(n), "x")[-8:])
total = 0
for _ in range(200):
    total += rnd() * rnd()
print(total, total.bit_length(), total % 999983)
