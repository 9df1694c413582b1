# instance attribute lookup, __dict__, __getattr__ vs __getattribute__, __setattr__, __delattr__
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class P:
    cls_attr = "class"
    def __init__(self):
        self.inst = "instance"
p = P()
t(lambda: (p.inst, p.cls_attr))
p.cls_attr = "shadow"
t(lambda: (p.cls_attr, P.cls_attr))
del p.cls_attr
t(lambda: p.cls_attr)
t(lambda: delattr(p, "cls_attr"))
t(lambda: p.nothing)
class G:
    def __getattr__(self, name):
        if name.startswith("x"):
            return name * 2
        raise AttributeError(f"no {name}")
g = G()
t(lambda: g.xy)
t(lambda: g.q)
t(lambda: getattr(g, "q", "default"))
t(lambda: hasattr(g, "q"))
class GA:
    def __getattribute__(self, name):
        print("getattribute", name)
        if name == "secret":
            raise AttributeError("hidden")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback-" + name
ga = GA()
ga.val = 3
t(lambda: ga.val)
t(lambda: ga.secret)
class S:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
s = S()
s.v = 21
t(lambda: s.v)
del s.v
t(lambda: s.v)
t(lambda: object.__setattr__(1, "x", 2))
t(lambda: setattr(p, 5, 1))
t(lambda: getattr(p, 5))
t(lambda: object.__getattribute__(p, "inst"))
p.__dict__["direct"] = 9
t(lambda: p.direct)
t(lambda: vars(p))
def replace_dict():
    p.__dict__ = {"fresh": 1}
    return p.fresh, hasattr(p, "inst")
t(replace_dict)
def bad_dict():
    p.__dict__ = 5
t(bad_dict)
