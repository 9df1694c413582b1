# format(): builtin types and __format__ dispatch
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: format(5))
t(lambda: format("s"))
t(lambda: format("abc", ">6"))
t(lambda: format("abc", "^6.2"))
t(lambda: format("abc", "d"))
t(lambda: format(None, ""))
t(lambda: format(None, "s"))
t(lambda: format([1], ""))
t(lambda: format([1], "s"))
t(lambda: format(3.5, "06.2f"))
t(lambda: format(12345, ",d"))
t(lambda: format(0.25, ".0%"))
t(lambda: format(True, "s"))
t(lambda: format(1, 5))
class F:
    def __format__(self, spec):
        return "F<" + spec + ">"
t(lambda: format(F(), "xyz"))
t(lambda: format(F()))
t(lambda: "{:abc}".format(F()))
t(lambda: f"{F():nested}")
class BadF:
    def __format__(self, spec):
        return 5
t(lambda: format(BadF(), ""))
class S(str):
    def __format__(self, spec):
        return "S!" + spec
t(lambda: format(S("x"), "q"))
t(lambda: format("x", "<<5"))
t(lambda: format("x", "=5"))
t(lambda: format("x", "05"))
t(lambda: format("x", "+"))
t(lambda: format(5, "=+06"))
t(lambda: format(-5, "=6"))
t(lambda: format("é", "*^5"))
