# int.bit_length and int.bit_count on edge values
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for n in [0, 1, -1, 2, 3, 7, 8, 255, 256, -256, 2**31 - 1, 2**31, 2**63, -2**63, 2**64 - 1, 10**30]:
    print(n, n.bit_length(), n.bit_count())
print((1 << 1000).bit_length())
print(((1 << 1000) - 1).bit_count())
print((-(1 << 200)).bit_length())
print(True.bit_length(), False.bit_count())
t(lambda: int.bit_length(3.0))
t(lambda: (5).bit_length(1))
t(lambda: int.bit_count())
x = 12345678901234567890
print(x.bit_length() == len(bin(x)) - 2)
for k in range(0, 70, 7):
    v = (1 << k) - 1
    print(k, v.bit_length(), v.bit_count(), (-v).bit_count())
