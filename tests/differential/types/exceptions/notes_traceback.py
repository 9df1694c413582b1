# add_note, __notes__, with_traceback, __traceback__ basics
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

e = ValueError("base")
t(lambda: hasattr(e, "__notes__"))
e.add_note("first note")
e.add_note("second")
t(lambda: e.__notes__)
t(lambda: e.add_note(5))
t(lambda: e.add_note())
e.__notes__ = "not a list"
t(lambda: e.add_note("x"))
t(lambda: e.__traceback__)
try:
    raise KeyError("tb")
except KeyError as k:
    tb = k.__traceback__
    print(type(tb).__name__, tb.tb_lineno > 0, tb.tb_next, type(tb.tb_frame).__name__)
def inner():
    raise RuntimeError("deep")
def outer():
    inner()
try:
    outer()
except RuntimeError as r:
    n = 0
    tb = r.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)
x = ValueError("w")
t(lambda: x.with_traceback(None) is x)
t(lambda: x.with_traceback(5))
t(lambda: setattr(x, "__traceback__", 5))
class MyErr(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code
    def __str__(self):
        return "MyErr<%d>" % self.code
try:
    raise MyErr(42)
except MyErr as m:
    print(m, m.args, m.code, repr(m))
class NoInit(Exception):
    def __init__(self):
        pass
print(repr(NoInit()), NoInit().args)
class Custom(Exception):
    pass
print(repr(Custom("a", 1)), str(Custom()), str(Custom(None)))
print(BaseException.__new__(ValueError).args)
