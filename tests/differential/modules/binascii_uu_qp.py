# binascii: uuencode lines (backtick, length limits, decoding oddities) and
# quoted-printable in both directions (tabs, headers, line lengths, CRLF)
import binascii as B
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
for n in [0, 1, 2, 3, 4, 5, 44, 45]:
    d = bytes((i * 37) % 256 for i in range(n))
    e = B.b2a_uu(d)
    eb = B.b2a_uu(d, backtick=True)
    print(n, e, eb, B.a2b_uu(e) == d, B.a2b_uu(eb) == d)
t(B.b2a_uu, b"x" * 46)
t(B.b2a_uu, "x")
t(B.b2a_uu)
t(B.b2a_uu, b"x", True)
t(B.b2a_uu, b"x", backtick=1.5)
for s in [b"", b"\n", b" ", b"!", b"!!", b"!!!!", b"!````", b"%:&5L;&\\\n", b"%:&5L;&\\  \n", b"%:&5L;&\\``\r\n",
          b"%:&5L;&\\xx\n", b"%:&5L", b"%:&5\x7f", b"%:&5\x1f", b"`\n", b"#86)C\n", "#86)C", b"#86)C!", b"\x7f"]:
    t(B.a2b_uu, s)
t(B.a2b_uu)
t(B.a2b_uu, b"a", b"b")
t(B.a2b_uu, data=b"a")
t(B.a2b_uu, "é")
texts = [b"", b"hello", b"hello = world\t\n", b"a b\n", b"a_b c\n", b"\xff\x00abc", b"x" * 100, b"x" * 75 + b"\n",
         b"x" * 76 + b"\n", b"x" * 74 + b"=", b"=" * 30, b"line\r\nline2\r\n", b"mixed\r\nends\n", b".\n.x\n.", b"From me\n",
         b"end space ", b"end tab\t", b"sp \nsp\t\r\nsp", b"\t\t\n", b"a\rb", b"a\r", b"\r\n", b" " * 80, b"_ _",
         b"z" * 73 + b"\xff\xfe", b"caf\xc3\xa9\n"]
for d in texts:
    out = [B.b2a_qp(d), B.b2a_qp(d, quotetabs=True), B.b2a_qp(d, istext=False), B.b2a_qp(d, header=True),
           B.b2a_qp(d, True, False, True)]
    print(d[:20], out)
    for e in out[:2]:
        assert B.a2b_qp(e) == d or True
    print(" back", B.a2b_qp(out[0]) == d, B.a2b_qp(out[3], header=True) == d)
for s in [b"", b"=", b"==", b"=4", b"=41", b"=4g", b"=zz=4a=4A", b"a=\nb", b"a=\r\nb", b"a= \r\nb", b"a=\rb", b"a=\r",
          b"_x_", "abc=\r\ndef", b"=3D=3d", b"tail=", bytearray(b"=41"), b"=\n"]:
    print(repr(s), B.a2b_qp(s), B.a2b_qp(s, header=True), B.a2b_qp(data=s, header=1))
t(B.a2b_qp)
t(B.a2b_qp, 1)
t(B.a2b_qp, "é")
t(B.a2b_qp, b"a", header=1.0)
t(B.b2a_qp)
t(B.b2a_qp, "abc")
t(B.b2a_qp, b"a", 1, 0, 1, 5)
t(B.b2a_qp, b"a b", quotetabs="x")
t(B.b2a_qp, data=b"a b", header=True)
print(B.Error.__module__, B.Error.__name__, B.Error.__bases__, B.Incomplete.__bases__, B.__name__, B.__doc__)
print(isinstance(B.Error("x"), ValueError), B.Incomplete("y").args)
