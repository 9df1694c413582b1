# float.hex round trips for many values, including subnormals and negatives
vals = [0.0, -0.0, 1.0, -1.0, 0.1, 1 / 3, 2.0 ** -1074, 2.0 ** -1022, 1.7976931348623157e308, 123.456, -9.87e-5, 3.0e100]
for v in vals:
    h = v.hex()
    print(repr(v), h, float.fromhex(h) == v, repr(float.fromhex(h)))
for s in ["0x1.ffffffffffffffp0", "0x1.00000000000008p0", "0x1.00000000000018p0", "-0x0.8p-1074", "0x0.4p-1074", "0x1p-1075", "0x1.8p-1075"]:
    print(s, repr(float.fromhex(s)))
for s in ["0x1p1024", "-0x1p1024", "0xf" * 1 + "p1020"]:
    try:
        print(s, float.fromhex(s))
    except OverflowError as e:
        print(s, "OverflowError", e)
print(float.fromhex("  0x1.5p+3\n"), float.fromhex("0XA.8P0"), float.fromhex("1.8"), float.fromhex("-inf"), float.fromhex("nan"))
# Exponents far beyond the float range round to zero or overflow, quickly.
for s in ['0x1p-99999999999999999', '-0x1p-1000000000000', '0x1.8p-1075', '0x1p-1075', '0x1.0000000000001p-1075',
          '0x0.0000000000001p-1022', '0x1p-1074', '0x1p+1023', '0X.8p-2000000000']:
    print(s, float.fromhex(s))
for s in ['0x1p1024', '0x1p99999999999999999999']:
    try:
        float.fromhex(s)
    except OverflowError as e:
        print(s, type(e).__name__, e)
