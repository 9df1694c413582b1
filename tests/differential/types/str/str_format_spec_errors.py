# str.__format__ specs and error messages
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for spec in ["", "s", "10", "<10", ">10", "^10", "*^10", ".2", "10.2", "-^10", "=10", "+", " ", "010", ",", "_", "#", "d", "x", "z", "10s", "\n^5"]:
    t(lambda: format("text", spec))
t(lambda: "text".__format__(5))
t(lambda: "{:s}".format(5))
t(lambda: format("a", "<" * 3))
t(lambda: format("a", "99999999999999999999"))
t(lambda: format("a", ".99999999999999999999"))
t(lambda: format("abc", "^-5"))
