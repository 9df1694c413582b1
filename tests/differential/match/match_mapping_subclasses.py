# mapping patterns with dict subclasses; get() is used for lookups
class Logging(dict):
    def get(self, key, default=None):
        print("get", key)
        return super().get(key, default)
    def __getitem__(self, key):
        print("getitem", key)
        return super().__getitem__(key)
d = Logging(a=1, b=2)
match d:
    case {"a": 1, "z": _}:
        print("no")
    case {"a": a, **rest}:
        print("matched", a, rest)
class DefaultDictLike(dict):
    def __missing__(self, key):
        return "missing-" + key
dd = DefaultDictLike(x=1)
match dd:
    case {"y": v}:
        print("matched missing?", v)
    case {"x": v}:
        print("matched x", v)
match {}:
    case {**rest}:
        print("empty rest", rest)
match {"k": [1, 2]}:
    case {"k": [_, second]}:
        print("nested", second)
