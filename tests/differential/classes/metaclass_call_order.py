# the order of metaclass hooks during class creation and instance creation
log = []
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        log.append(("prepare", name, kw))
        return {}
    def __new__(mcls, name, bases, ns, **kw):
        log.append(("meta new", name))
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        log.append(("meta init", name))
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        log.append(("meta call", cls.__name__))
        inst = super().__call__(*a, **k)
        log.append(("meta call done", cls.__name__))
        return inst
class Field:
    def __set_name__(self, owner, name):
        log.append(("set_name", name))
class Base(metaclass=Meta):
    def __init_subclass__(cls, **kw):
        log.append(("init_subclass", cls.__name__, kw))
    def __new__(cls, *a):
        log.append(("cls new", cls.__name__))
        return super().__new__(cls)
    def __init__(self, *a):
        log.append(("cls init", type(self).__name__, a))
class Child(Base, tag="t"):
    f = Field()
    log.append(("body", "Child"))
Child(1)
for entry in log:
    print(entry)
