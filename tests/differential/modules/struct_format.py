# _struct: format parsing (byte order prefixes, counts, whitespace, native
# alignment, the 0-count alignment trick), calcsize, s/p/c/x fields
import _struct as S
def c(f):
    try:
        return S.calcsize(f)
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
fmts = ["", " ", "b", "h", "bh", "hb", "bi", "ib", "bq", "bd", "be", "bf", "b?", "bP", "bn", "b0i", "b0q", "b0h", "0i",
        "@bi", "=bi", "<bi", ">bi", "!bi", "cih", "3s", "3sI", "3p", "10x", "x3xh", "xi", "5c", "iiii", "4i",
        "b h i", " 2h ", "2 h", "h2", "h 2", "<", ">>h", "h<", "z", "bad", "\th\n", "3", "10000s",
        "1000000000000h", "9223372036854775807x", "9223372036854775808x", "4611686018427387904h",
        "<n", ">N", "!P", "=P", "@n", "@N", "?b?", "0s", "0p", "0x", "lL", "<lL", "qQ", "<qQ", "ee", "ef", "<e",
        b"hh", b"<i", "h\0", "é", "2\u0660h", "\u0661h"]
for f in fmts:
    print(repr(f), c(f))
print(S.pack("3s", b"a"), S.pack("3s", b"abcdef"), S.pack("3s", bytearray(b"xy")), S.pack("0s", b"zz"))
print(S.pack("5p", b"ab"), S.pack("3p", b"abcdef"), S.pack("1p", b"q"), S.pack("p", b""))
print(S.pack("300p", b"x" * 400)[:3], len(S.pack("300p", b"x" * 400)), S.pack("2p", bytearray(b"k")))
print(S.unpack("5p", b"\x02abcd"), S.unpack("5p", b"\x09abcd"), S.unpack("3s", b"a\x00c"), S.unpack("0s", b""))
print(S.pack("c3xc", b"a", b"b"), S.unpack("c3xc", b"a123b"), S.pack("2c", b"x", b"y"), S.unpack("x", b"\x07"))
print(S.pack("bxh", 1, 2), S.pack("<bxh", 1, 2), S.pack("bi", 1, 2), S.pack("=bi", 1, 2), S.pack("bq", 1, 2))
print(S.pack("b0i", 9), S.pack("h0h", 9), S.pack("b0q", 1))
for f, args in [("s", ["x"]), ("p", [1]), ("c", [b""]), ("c", [bytearray(b"a")]), ("c", ["a"]), ("c", [97]),
                ("3s", [memoryview(b"abc")]), ("2h", [1]), ("2h", [1, 2, 3]), ("", [1]), ("x", [0]),
                ("0s", []), ("0p", [b"a"]), ("s", [b"a", b"b"])]:
    try:
        print(f, S.pack(f, *args))
    except Exception as e:
        print(f, type(e).__name__, e)
print(S.pack("2s2p", b"abc", b"abc"), S.unpack("<h3sxq", S.pack("<h3sxq", -2, b"hey", 2**40)))
print(S.unpack("@ci?Pd", S.pack("@ci?Pd", b"z", -5, 1, 2**40, 0.25)))
