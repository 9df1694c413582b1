# member descriptors created by __slots__ and getset descriptors of builtins
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class P:
    __slots__ = ("a", "b")
p = P()
d = P.__dict__["a"]
t(lambda: type(d).__name__)
t(lambda: d.__name__)
t(lambda: d.__objclass__.__name__)
d.__set__(p, 10)
t(lambda: p.a)
t(lambda: d.__get__(p, P))
t(lambda: d.__get__(None, P) is d)
t(lambda: d.__delete__(p) or hasattr(p, "a"))
t(lambda: d.__get__(p, P))
t(lambda: d.__set__(5, 1))
t(lambda: type(type.__dict__["__name__"]).__name__)
t(lambda: type(int.__dict__["real"]).__name__)
t(lambda: int.__dict__["real"].__get__(7))
t(lambda: type(object.__dict__["__class__"]).__name__)
t(lambda: type(str.__dict__["upper"]).__name__)
t(lambda: str.__dict__["upper"]("x"))
t(lambda: str.__dict__["upper"].__get__("y")())
t(lambda: type(list.__dict__["__getitem__"]).__name__)
t(lambda: list.__dict__["__getitem__"]([9], 0))
