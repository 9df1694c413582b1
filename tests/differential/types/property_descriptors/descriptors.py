# descriptor protocol: data vs non-data precedence, __set_name__
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class NonData:
    def __get__(self, obj, owner):
        return ("nondata", obj is None, owner.__name__)
class Data:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return obj.__dict__.get("_" + self.name, "unset")
    def __set__(self, obj, value):
        print("Data.__set__", value)
        obj.__dict__["_" + self.name] = value
    def __delete__(self, obj):
        print("Data.__delete__")
        obj.__dict__.pop("_" + self.name, None)
class Host:
    nd = NonData()
    d = Data()
h = Host()
t(lambda: h.nd)
t(lambda: Host.nd)
h.__dict__["nd"] = "instance wins over non-data"
t(lambda: h.nd)
t(lambda: h.d)
h.d = 10
t(lambda: h.d)
h.__dict__["d"] = "ignored: data descriptor wins"
t(lambda: h.d)
del h.d
t(lambda: h.d)
t(lambda: type(Host.d).__name__)
class GetOnly:
    def __get__(self, obj, owner):
        return "got"
class H2:
    g = GetOnly()
h2 = H2()
h2.g = "now in dict"
t(lambda: h2.g)
class SetOnly:
    def __set__(self, obj, v):
        print("SetOnly set", v)
class H3:
    s = SetOnly()
h3 = H3()
h3.s = 1
t(lambda: type(h3.s).__name__)
class Boom:
    def __set_name__(self, owner, name):
        raise ValueError("no name for " + name)
try:
    class H4:
        b = Boom()
except Exception as e:
    print(type(e).__name__, e, type(e.__cause__).__name__ if e.__cause__ else None)
class Cls:
    def __get__(self, obj, owner):
        return "descriptor on metaclass-level lookup"
class Meta(type):
    attr = Cls()
class WithMeta(metaclass=Meta):
    pass
t(lambda: WithMeta.attr)
t(lambda: WithMeta().attr)
