# printf-style % formatting for str
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: "%s and %r" % ("a", "b"))
t(lambda: "%5s|%-5s|%.2s" % ("abc", "abc", "abc"))
t(lambda: "%(name)s is %(age)d" % {"name": "Bo", "age": 3})
t(lambda: "%(x)s %(x)r" % {"x": "q"})
t(lambda: "%*d|%-*d" % (5, 1, 4, 2))
t(lambda: "%.*f" % (2, 3.14159))
t(lambda: "%c%c" % ("a", 98))
t(lambda: "%%d" % ())
t(lambda: "%s" % ((1, 2),))
t(lambda: "%s" % (1, 2))
t(lambda: "%s %s" % (1,))
t(lambda: "%d" % (1, 2))
t(lambda: "%(a)s" % (1,))
t(lambda: "%(a)s" % {})
t(lambda: "%z" % 1)
t(lambda: "%" % ())
t(lambda: "%c" % "ab")
t(lambda: "%c" % 0x110000)
t(lambda: "%a" % "é")
t(lambda: "%s" % [1, "a"])
t(lambda: "abc" % ())
t(lambda: "abc" % 5)
t(lambda: "abc" % {"a": 1})
t(lambda: "%s" % {"a": 1})
t(lambda: "%i|%u" % (3, 4))
t(lambda: "%#5o|%#x|%#X" % (8, 255, 255))
t(lambda: "% d|%+d|% 05d" % (5, 5, 5))
t(lambda: "%.3d" % 7)
t(lambda: "%x" % -255)
t(lambda: "%e" % 0)
t(lambda: "%g|%g|%g" % (1e-5, 123456789, 0.0001))
class R:
    def __repr__(self):
        return "R()"
    def __str__(self):
        return "str-R"
t(lambda: "%s %r %a" % (R(), R(), R()))
