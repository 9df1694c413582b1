# bytearray method errors and messages
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

ba = bytearray(b"abc")
t(lambda: ba.insert(0, 300))
t(lambda: ba.insert(0, b"x"))
t(lambda: ba.extend(["a"]))
t(lambda: ba.extend("str"))
t(lambda: ba.remove(b"a"))
t(lambda: ba.pop(10))
t(lambda: ba.index(b"z"))
t(lambda: ba.__setitem__(0, b"x"))
t(lambda: ba.__setitem__(slice(0, 1), 5))
t(lambda: ba.__setitem__(slice(0, 1), "s"))
t(lambda: ba.__setitem__(slice(0, 3, 2), b"x"))
t(lambda: bytearray("x", "bogus-codec"))
t(lambda: bytearray(b"x", "utf-8"))
t(lambda: bytearray(1, 2, 3, 4))
t(lambda: bytearray.fromhex("xyz"))
t(lambda: ba + "s")
t(lambda: ba * 1.5)
t(lambda: ba < "abc")
t(lambda: ba.decode("ascii", "bogus-errors"))
t(lambda: bytearray(b"\xff").decode("ascii"))
