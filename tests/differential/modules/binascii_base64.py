# binascii: b2a_base64/a2b_base64 round trips, padding rules of the
# lenient decoder and every strict_mode error
import binascii as B
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
for n in range(0, 10):
    d = bytes(range(250, 250 - n, -1))
    e = B.b2a_base64(d)
    print(n, e, B.b2a_base64(d, newline=False), B.a2b_base64(e) == d, B.a2b_base64(e[:-1], strict_mode=True) == d)
print(B.b2a_base64(bytes(range(256))))
print(B.b2a_base64(bytearray(b"x" * 100), newline=0), B.b2a_base64(memoryview(b"ab"), newline=5))
cases = ["", "YQ", "YQ=", "YQ==", "YQ===", "YWI", "YWI=", "YWI==", "YWJj", "YWJj=", "YWJj====", "Y", "YWJjZ",
         "=", "==", "=YQ==", "Y=Q==", "YQ=a", "YQ==a", "YQ==\n", " YQ==", "Y Q = =", "YQ\n==", "YQ!!==", "YQ\x00==",
         "\n", "YW\r\nJj", "YWJj\n", "a===", "ab=c", "a=bc", "abc=d", "ab=\n=", "YWJj=\n", b"\x80YQ==", b"\xffYWJj",
         "////", "++++", "-_-_", "YQ==YQ==", "YQ=YQ=", "YQ==="]
for c in cases:
    out = []
    for strict in (False, True):
        try:
            out.append(repr(B.a2b_base64(c, strict_mode=strict)))
        except B.Error as e:
            out.append("Error: " + str(e))
    print(repr(c), " | ".join(out))
t(B.a2b_base64, "YQ==", strict_mode=1.5)
t(B.a2b_base64, "YQ==", strict_mode="yes")
t(B.a2b_base64, "YQ==", True)
t(B.a2b_base64)
t(B.a2b_base64, "YQ==", foo=1)
t(B.a2b_base64, data="YQ==")
t(B.a2b_base64, "é")
t(B.a2b_base64, 5)
t(B.a2b_base64, bytearray(b"YWJj"))
t(B.b2a_base64)
t(B.b2a_base64, b"a", True)
t(B.b2a_base64, "a")
t(B.b2a_base64, b"a", newline=1.0)
t(B.b2a_base64, b"a", newline=None)
t(B.b2a_base64, b"a", nl=1)
try:
    B.a2b_base64("Y")
except ValueError as e:
    print("ValueError caught", type(e).__name__, isinstance(e, B.Error))
