# attribute lookup order: data descriptors, instance dict, non-data descriptors, class attrs, __getattr__
log = []
class DataDesc:
    def __get__(self, obj, owner):
        log.append("data.get")
        return "data"
    def __set__(self, obj, v):
        log.append("data.set")
class NonData:
    def __get__(self, obj, owner):
        log.append("nondata.get")
        return "nondata"
class K:
    d = DataDesc()
    n = NonData()
    plain = "class plain"
    def __getattr__(self, name):
        log.append("getattr:" + name)
        return "fallback"
k = K()
k.__dict__["d"] = "instance d"
k.__dict__["n"] = "instance n"
print(k.d, k.n, k.plain, k.missing)
print(log)
log.clear()
k.d = 5
k.n = 6
print(k.__dict__, log)
del k.__dict__["n"]
print(k.n)
class Meta(type):
    attr = "meta attr"
    @property
    def prop(cls):
        return "meta property"
class WithMeta(metaclass=Meta):
    attr = "class attr"
print(WithMeta.attr, WithMeta.prop)
try:
    WithMeta().prop
except AttributeError as e:
    print("AttributeError", e)
print(hasattr(WithMeta(), "attr"), WithMeta().attr)
