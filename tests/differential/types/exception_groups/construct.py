# ExceptionGroup/BaseExceptionGroup construction rules
def t(f):
    try:
        r = f()
        print(type(r).__name__, repr(str(r)), [type(x).__name__ for x in r.exceptions])
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: ExceptionGroup("eg", [ValueError(1), TypeError(2)]))
t(lambda: BaseExceptionGroup("beg", [ValueError(1)]))
t(lambda: BaseExceptionGroup("beg", [KeyboardInterrupt()]))
t(lambda: ExceptionGroup("eg", [KeyboardInterrupt()]))
t(lambda: ExceptionGroup("eg", []))
t(lambda: ExceptionGroup("eg", [1]))
t(lambda: ExceptionGroup("eg", ValueError()))
t(lambda: ExceptionGroup(5, [ValueError()]))
t(lambda: ExceptionGroup("eg"))
t(lambda: ExceptionGroup("eg", (ValueError(),)))
t(lambda: ExceptionGroup("nested", [ExceptionGroup("inner", [ValueError()]), KeyError()]))
eg = ExceptionGroup("msg", [ValueError("v")])
print(eg.message, eg.args[0], type(eg.exceptions).__name__, repr(eg))
print(str(ExceptionGroup("one", [ValueError()])), str(ExceptionGroup("two", [ValueError(), TypeError()])))
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))
class MyEG(ExceptionGroup):
    pass
t(lambda: MyEG("mine", [ValueError()]))
try:
    raise ExceptionGroup("raised", [ValueError(1)])
except ExceptionGroup as e:
    print("caught", e.message, len(e.exceptions))
