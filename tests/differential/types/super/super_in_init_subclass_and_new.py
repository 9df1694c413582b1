# super() inside __new__, __init_subclass__, __class_getitem__ and properties of subclasses
class Base:
    created = []
    def __new__(cls, *args):
        Base.created.append(cls.__name__)
        return super().__new__(cls)
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        cls.registered_as = kw.get("name", cls.__name__.lower())
    def __class_getitem__(cls, item):
        return "%s[%s]" % (cls.__name__, item.__name__)
class Child(Base, name="kid"):
    def __new__(cls, *args):
        inst = super().__new__(cls, *args)
        inst.extra = args
        return inst
    def __class_getitem__(cls, item):
        return "Child<" + super().__class_getitem__(item) + ">"
c = Child(1, 2)
print(c.extra, Base.created, Child.registered_as, Child[int], Base[str])
class GrandChild(Child):
    pass
g = GrandChild()
print(GrandChild.registered_as, Base.created, GrandChild[float])
