# getattr/setattr with dunder names, private names and non-identifier strings
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class A:
    __private = "mangled"
    def __init__(self):
        self.__inst = "inst mangled"
a = A()
t(lambda: getattr(a, "__private"))
t(lambda: getattr(a, "_A__private"))
t(lambda: getattr(a, "_A__inst"))
t(lambda: getattr(a, "__class__").__name__)
t(lambda: getattr(a, "__dict__"))
t(lambda: getattr(A, "__name__"))
t(lambda: getattr(a, "__len__"))
t(lambda: setattr(a, "123", "digits") or getattr(a, "123"))
t(lambda: setattr(a, "", "empty") or getattr(a, ""))
t(lambda: sorted(vars(a)))
t(lambda: setattr(a, "__class__", int))
t(lambda: setattr(a, "__dict__", {"fresh": True}) or vars(a))
t(lambda: getattr(1, "__add__")(2))
t(lambda: getattr("s", "upper")())
t(lambda: hasattr(a, "__private"))
t(lambda: delattr(a, "fresh") or vars(a))
