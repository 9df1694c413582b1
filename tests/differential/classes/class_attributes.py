# class vs instance attributes, mutation through instances, class variables shared
class Counter:
    count = 0
    shared_list = []
    def __init__(self):
        Counter.count += 1
        self.shared_list.append(Counter.count)
a, b, c = Counter(), Counter(), Counter()
print(Counter.count, a.count, Counter.shared_list, a.shared_list is b.shared_list)
a.count = 100
print(a.count, b.count, Counter.count)
del a.count
print(a.count)
class Config:
    debug = False
    @classmethod
    def enable(cls):
        cls.debug = True
class Sub(Config):
    pass
Sub.enable()
print(Config.debug, Sub.debug)
Config.enable()
print(Config.debug)
class Dynamic:
    pass
Dynamic.added = "later"
print(Dynamic().added)
setattr(Dynamic, "method", lambda self: "dynamic method")
print(Dynamic().method())
print(sorted(k for k in vars(Dynamic) if not k.startswith("__")))
class Private:
    __secret = "mangled"
    def reveal(self):
        return self.__secret
p = Private()
print(p.reveal(), p._Private__secret, hasattr(p, "__secret"))
class SubPrivate(Private):
    __secret = "sub's own"
    def reveal_sub(self):
        return self.__secret
sp = SubPrivate()
print(sp.reveal(), sp.reveal_sub())
class Dunder:
    __not_mangled__ = "dunder names are not mangled"
print(Dunder.__not_mangled__)
