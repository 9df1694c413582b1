# which str object formatting hands back: a sole field/conversion returns the str it produced (subclass or identity kept)
class S(str):
    pass
class X:
    def __str__(self):
        return S("a")
class Y:
    def __str__(self):
        return 5
print(type(str(X())).__name__, type(S(X())).__name__, type("%s" % X()).__name__, type(f"{X()}").__name__, type("{}".format(X())).__name__)
try:
    str(Y())
except TypeError as e:
    print(e)
print(type(format(S("x"))).__name__, type(format(S("x"), "")).__name__, type(S("x").__format__("")).__name__)
print(type(S("ab").strip()).__name__, type(S("ab").center(1)).__name__, type(S("ab").zfill(1)).__name__, type(S("ab").replace("x", "y")).__name__)
print(type(S("ab")[:]).__name__, type(S("ab") * 1).__name__, type(S("ab") + "").__name__, type("".join([S("ab")])).__name__, type(S("ab").split()[0]).__name__)
s = "some text"
print("{}".format(s) is s, "%s" % s is s, "%s" % (s,) is s, "{0}".format(s) is s, "{:}".format(s) is s, "x{}".format(s) is s, "%5s" % s is s, "%.2s" % s is s)
print(type("{!s}".format(X())).__name__, type("{!r}".format(X())).__name__, type("%r" % X()).__name__, type("%+s" % X()).__name__, type("%-1s" % X()).__name__, type("%.5s" % X()).__name__)
class R:
    def __repr__(self):
        return S("r")
print(type(repr(R())).__name__, type("%r" % R()).__name__, type("{!r}".format(R())).__name__, type("{!r:}".format(R())).__name__, type("%r|" % R()).__name__)
