# __init_subclass__ registries and __set_name__ on descriptors
class Plugin:
    registry = {}
    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls
class Alpha(Plugin):
    pass
class Beta(Plugin, name="b"):
    pass
class Gamma(Beta):
    pass
print(sorted(Plugin.registry), Gamma.plugin_name)
class Field:
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name
        self.private = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, None)
    def __set__(self, obj, value):
        setattr(obj, self.private, value)
class Model:
    title = Field()
    count = Field()
m = Model()
m.title = "hello"
print(m.title, m.count, Model.title.name, Model.title.owner, Model.count.private)
f = Field()
class Late:
    pass
Late.attr = f
print(hasattr(f, "name"))
f.__set_name__(Late, "attr")
print(f.name)
class Validated:
    def __init_subclass__(cls):
        for attr in ("required",):
            if not hasattr(cls, attr):
                raise TypeError("%s must define %s" % (cls.__name__, attr))
try:
    class Bad(Validated):
        pass
except TypeError as e:
    print("TypeError", e)
class Good(Validated):
    required = True
print(Good.required)
