# bytes as a sequence of ints; comparisons and hashing
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

b = b"abcdef"
t(lambda: b[0])
t(lambda: b[-1])
t(lambda: b[1:4])
t(lambda: b[::-2])
t(lambda: b[10])
t(lambda: list(b[:3]))
t(lambda: 98 in b)
t(lambda: b"cd" in b)
t(lambda: 300 in b)
t(lambda: "a" in b)
t(lambda: b + b"gh")
t(lambda: b + bytearray(b"!"))
t(lambda: b + "x")
t(lambda: b * 2)
t(lambda: 2 * b"xy")
t(lambda: b < b"abd")
t(lambda: b"" < b"\x00")
t(lambda: b == bytearray(b"abcdef"))
t(lambda: b == "abcdef")
t(lambda: b < "b")
t(lambda: hash(b"abc") == hash(b"ab" + b"c"))
t(lambda: len(b), )
t(lambda: sorted(b"dbca"))
t(lambda: max(b"hello"))
t(lambda: sum(b"\x01\x02\x03"))
t(lambda: list(reversed(b"abc")))
t(lambda: b.count(ord("a")))
t(lambda: b.index(100))
t(lambda: b.index(256))
def assign():
    x = b"abc"
    x[0] = 1
t(assign)
t(lambda: {b"a": 1}[b"a"])
t(lambda: b"ab" != b"ab")
t(lambda: bytes.__len__(b"xyz"))
