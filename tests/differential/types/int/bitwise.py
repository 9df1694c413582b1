# shifts and bitwise ops including negative numbers and big ints
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

vals = [0, 1, -1, 5, -5, 2**64, -(2**64) + 3, 0xFF00FF]
for a in vals:
    for b in [3, -3, 2**65 + 1]:
        print(a, b, a & b, a | b, a ^ b)
for a in [1, -1, 7, -7, 2**70, -(2**70)]:
    print(a, a << 3, a >> 1, a >> 100, a << 70)
t(lambda: 1 << -1)
t(lambda: 1 >> -1)
t(lambda: 1 << 1.0)
t(lambda: 1 & 1.0)
print(0 >> 10**30)
print(-1 >> 10**30)
t(lambda: 1 << 10**30)
print(True & False, True | False, True ^ True, type(True ^ True).__name__)
print(~True, ~False)
print(int.__and__(6, 3), int.__or__(6, 3), int.__xor__(6, 3), int.__rshift__(8, 1))
print((5).__and__(1.0))
