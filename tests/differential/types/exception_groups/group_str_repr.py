# str/repr of groups, message types, BaseExceptionGroup auto-selection
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

g = ExceptionGroup("msg", [ValueError(1)])
t(lambda: str(g))
t(lambda: repr(g))
t(lambda: g.args)
t(lambda: type(BaseExceptionGroup("x", [ValueError()])).__name__)
t(lambda: type(BaseExceptionGroup("x", [ValueError(), SystemExit()])).__name__)
t(lambda: str(ExceptionGroup("", [ValueError()])))
t(lambda: str(ExceptionGroup("many", [ValueError()] * 5)))
t(lambda: ExceptionGroup("m", [ValueError()]).exceptions[0] is not None)
t(lambda: ExceptionGroup("m", [ValueError()]) == ExceptionGroup("m", [ValueError()]))
t(lambda: ExceptionGroup(b"bytes msg", [ValueError()]))
t(lambda: ExceptionGroup("m", [ValueError()], 3))
t(lambda: ExceptionGroup("m", {ValueError()}))
t(lambda: ExceptionGroup("m", (e for e in [ValueError()])))
class MyEG(ExceptionGroup):
    def __new__(cls, message, excs, extra):
        self = super().__new__(cls, message, excs)
        self.extra = extra
        return self
    def derive(self, excs):
        return MyEG(self.message, excs, self.extra)
m = MyEG("custom", [ValueError(1), TypeError(2)], "extra-data")
match, rest = m.split(ValueError)
t(lambda: (type(match).__name__, match.extra, type(rest).__name__, rest.extra))
