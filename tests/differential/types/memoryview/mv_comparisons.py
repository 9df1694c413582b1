# memoryview equality with bytes-like objects and between formats
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

a = memoryview(b"abc")
t(lambda: a == b"abc")
t(lambda: a == bytearray(b"abc"))
t(lambda: a == memoryview(bytearray(b"abc")))
t(lambda: a == "abc")
t(lambda: a == [97, 98, 99])
t(lambda: a != b"abd")
t(lambda: a[::-1] == b"cba")
t(lambda: a < b"abd")
t(lambda: memoryview(b"\x01\x02").cast("b") == memoryview(b"\x01\x02"))
t(lambda: a.tolist() == [97, 98, 99])
t(lambda: b"abc" == a)
t(lambda: a in [b"abc"])
t(lambda: b"b" in a.tobytes())
