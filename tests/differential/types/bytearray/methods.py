# bytearray construction, repr and str-like methods
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: bytearray())
t(lambda: bytearray(4))
t(lambda: bytearray(b"a'b\"c"))
t(lambda: bytearray("é", "utf-8"))
t(lambda: bytearray("é"))
t(lambda: bytearray([1, 2, 255]))
t(lambda: bytearray([1, 2, 256]))
t(lambda: bytearray(-3))
t(lambda: bytearray.fromhex("01 ff"))
t(lambda: bytearray(b"AbC").lower())
t(lambda: bytearray(b" x ").strip())
t(lambda: bytearray(b"a,b").split(b","))
t(lambda: bytearray(b"abc").replace(b"b", b"BB"))
t(lambda: bytearray(b"abc").hex())
t(lambda: bytearray(b"abc").decode())
t(lambda: bytearray(b"abc")[1])
t(lambda: bytearray(b"abc")[1:])
t(lambda: type(bytearray(b"abc")[1:]).__name__)
t(lambda: bytearray(b"abc") == b"abc")
t(lambda: bytearray(b"abc") < bytearray(b"abd"))
t(lambda: bytearray(b"abc").find(b"c"))
t(lambda: bytearray(b"abc").upper().isupper())
t(lambda: bytearray(b"x").join([b"1", b"2"]))
t(lambda: type(bytearray(b"x").join([b"1", b"2"])).__name__)
t(lambda: bytearray(b"%d") % 5)
t(lambda: bytearray(b"abc").center(7, b"-"))
t(lambda: bytearray(b"a").partition(b"a"))
t(lambda: str(bytearray(b"q")))
class BA(bytearray):
    pass
t(lambda: BA(b"sub"))
t(lambda: BA(b"sub") + b"x")
