# counting characters by predicate over code point ranges
ranges = [(0, 128), (128, 256), (0x370, 0x400), (0x400, 0x500), (0x600, 0x700), (0x900, 0x980), (0x3040, 0x3100), (0xff00, 0xff70)]
for lo, hi in ranges:
    chars = [chr(c) for c in range(lo, hi)]
    print("%04x-%04x" % (lo, hi), sum(c.isalpha() for c in chars), sum(c.isdigit() for c in chars), sum(c.isdecimal() for c in chars),
          sum(c.isnumeric() for c in chars), sum(c.isspace() for c in chars), sum(c.isupper() for c in chars), sum(c.islower() for c in chars),
          sum(c.isprintable() for c in chars), sum(c.isidentifier() for c in chars))
print(sum(1 for c in range(0x110000) if chr(c).isspace()))
print(sum(1 for c in range(0x3000) if chr(c).upper() != chr(c)))
