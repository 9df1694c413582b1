# binascii: hexlify/unhexlify (separators, groups from either end), crc32
# and crc_hqx over running values, and their argument errors
import binascii as B
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
data = bytes(range(0, 256, 7))
print(B.hexlify(data), B.b2a_hex(b""), B.hexlify(bytearray(b"\x00\xff")), B.hexlify(memoryview(b"xyz")))
for sep in ["-", b":", " ", "\xff", b"\x00"]:
    for per in [1, 2, 3, -1, -2, -3, 0, 7, -7, 100]:
        print(repr(sep), per, B.hexlify(b"\x01\x02\x03\x04\x05\x06\x07", sep, per), B.b2a_hex(b"\xab\xcd", sep=sep, bytes_per_sep=per))
t(B.hexlify, b"ab", "")
t(B.hexlify, b"ab", "--")
t(B.hexlify, b"ab", "\u20ac")
t(B.hexlify, b"ab", 5)
t(B.hexlify, b"ab", [1])
t(B.hexlify, b"ab", bytearray(b"-"))
t(B.hexlify, b"ab", "-", 2**40)
t(B.hexlify, b"ab", "-", "2")
t(B.hexlify, "ab")
t(B.hexlify, 12)
t(B.hexlify)
t(B.hexlify, b"a", "-", 1, 2)
t(B.hexlify, data=b"\x10", sep="|")
t(B.hexlify, b"a", foo=1)
t(B.hexlify, memoryview(b"abcdef")[::2])
for s in [b"", b"00", "0aFf", b"DEADbeef", bytearray(b"1234"), memoryview(b"ab"), "0", "abc", "zz", "0g", " 00", "é0", 5, None]:
    t(B.unhexlify, s)
    t(B.a2b_hex, s)
t(B.unhexlify)
t(B.unhexlify, "00", "11")
t(B.a2b_hex, hexstr="00")
print(B.crc32(b""), B.crc32(b"a"), B.crc32(b"hello world"), B.crc32(b"The quick brown fox jumps over the lazy dog"))
crc = 0
for chunk in [b"hello", b" ", b"world"]:
    crc = B.crc32(chunk, crc)
print(crc, crc == B.crc32(b"hello world"), B.crc32(data), B.crc32(bytearray(data), 12345))
for init in [0, 1, -1, 2**32 - 1, 2**32, 2**32 + 5, -2**40, 2**100 + 3, True]:
    print("crc32", init, B.crc32(b"abc", init), B.crc_hqx(b"abc", init))
print(B.crc_hqx(b"", 0), B.crc_hqx(b"123456789", 0), B.crc_hqx(b"123456789", 0xffff), B.crc_hqx(data, 0x1d0f))
h = 0
for c in data:
    h = B.crc_hqx(bytes([c]), h)
print(h == B.crc_hqx(data, 0))
class I:
    def __index__(self): return 7
print(B.crc32(b"x", I()), B.crc_hqx(b"x", I()))
t(B.crc32)
t(B.crc32, b"a", 1, 2)
t(B.crc32, b"a", crc=1)
t(B.crc32, "a")
t(B.crc32, b"a", 1.0)
t(B.crc32, b"a", "1")
t(B.crc_hqx, b"a")
t(B.crc_hqx, b"a", 1, 2)
t(B.crc_hqx, b"a", crc=1)
t(B.crc_hqx, [1], 0)
t(B.crc_hqx, b"a", None)
