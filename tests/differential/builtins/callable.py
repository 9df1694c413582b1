# callable() on everything
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class A:
    pass
class C:
    def __call__(self):
        return "called"
class M:
    def m(self):
        pass
a = A()
c = C()
for obj in [len, print, int, type, A, a, C, c, M().m, M.m, lambda: 0, 5, "s", None, [].append, staticmethod(len), classmethod(len), (x for x in []), object]:
    print(type(obj).__name__, callable(obj))
a.__call__ = lambda: "instance attr"
t(lambda: callable(a))
t(lambda: a())
t(lambda: c())
t(lambda: callable())
t(lambda: callable(1, 2))
class NoneCall:
    __call__ = None
t(lambda: callable(NoneCall()))
t(lambda: NoneCall()())
vals = [5, "str", None, [1]]
for v in vals:
    t(lambda: v())
class Meta(type):
    def __call__(cls, *a):
        return "meta-called"
class WithMeta(metaclass=Meta):
    pass
t(lambda: WithMeta())
t(lambda: callable(WithMeta))
