# __class_getitem__, __mro_entries__, __init_subclass__, __set_name__ order
class Gen:
    def __class_getitem__(cls, params):
        return (cls.__name__, params)
print(Gen[int], Gen[int, str], Gen[()])
class Sub(Gen):
    pass
print(Sub[1])
print(list[int], dict[str, list[int]], tuple[int, ...], type(list[int]).__name__)
print(list[int]([1, 2]), list[int].__args__)
class Entry:
    def __mro_entries__(self, bases):
        print("mro_entries", len(bases))
        return (Gen,)
class UsesEntry(Entry()):
    pass
print(UsesEntry.__bases__, UsesEntry.__orig_bases__[0].__class__.__name__)
order = []
class Named:
    def __init__(self, tag):
        self.tag = tag
    def __set_name__(self, owner, name):
        order.append(("set_name", self.tag, name))
class Base:
    def __init_subclass__(cls, **kw):
        order.append(("init_subclass", cls.__name__, sorted(cls.__dict__.keys() - {"__module__", "__qualname__", "__doc__"})))
class K(Base):
    first = Named(1)
    second = Named(2)
for o in order:
    print(o)
class BadEntry:
    def __mro_entries__(self, bases):
        return 5
try:
    class X(BadEntry()):
        pass
except TypeError as e:
    print("TypeError", e)
try:
    class Y(Base, flag=1):
        pass
except TypeError as e:
    print("TypeError", e)
