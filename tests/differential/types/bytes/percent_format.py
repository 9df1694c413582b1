# bytes %-formatting (PEP 461)
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: b"%c" % 256); t(lambda: b"%c" % "a"); t(lambda: b"%c" % b"ab"); t(lambda: b"%c|%c" % (65, b"B")); t(lambda: b"%5c|" % 65)
t(lambda: b"%s" % "x"); t(lambda: b"%s %b" % (b"a", bytearray(b"b"))); t(lambda: b"%-5s|%5b|" % (b"ab", b"cd")); t(lambda: b"%.1s" % b"abc")
t(lambda: b"%r %a" % ("é", "é")); t(lambda: b"%d %x %05.1f %e %g" % (5, 255, 1.25, 1e10, 0.5)); t(lambda: b"%(a)s" % {b"a": b"v"}); t(lambda: b"%(a)s" % {"a": b"v"})
t(lambda: b"%d" % "x"); t(lambda: b"%" % ()); t(lambda: b"%z" % (1,)); t(lambda: b"%d %d" % (1,)); t(lambda: b"%d" % (1, 2)); t(lambda: b"%s" % memoryview(b"mv"))
t(lambda: bytearray(b"%d") % 5); t(lambda: b"%*d|" % (4, 5)); t(lambda: b"%i%%" % 3); t(lambda: b"abc" % ()); t(lambda: b"abc" % 5); t(lambda: b"abc" % {}) ; t(lambda: b"abc" % [])
t(lambda: b"%s" % [1]); t(lambda: b"%u %o %X" % (1, 8, 255)); t(lambda: b"%#x %#o" % (255, 8)); t(lambda: b"%c" % -1); t(lambda: b"%5%" % ())
class B:
    def __bytes__(self): return b"BB"
t(lambda: b"%s" % B()); t(lambda: b"%s" % (B(),)); t(lambda: b"%(x)d" % {b"x": 3}); t(lambda: b"%(x)d" % (1,))
t(lambda: b"%s" % 1.5); t(lambda: b"%d" % 1.7); t(lambda: b"%x" % 1.5)
t(lambda: b"%5%" % (1,)); t(lambda: bytearray(b"%s|%c") % (b"x", 66)); t(lambda: 5 % b"x")
