# None, NotImplemented, Ellipsis singletons
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

none_obj = None
print(None, repr(None), str(None), bool(None), None is None, None == None)
print(type(None).__name__, type(None)() is None)
t(lambda: type(None)(1))
t(lambda: None + 1)
t(lambda: None < None)
t(lambda: none_obj())
t(lambda: none_obj[0])
t(lambda: None.x)
t(lambda: setattr(None, "x", 1))
t(lambda: len(None))
t(lambda: iter(None))
t(lambda: hash(None) == hash(None))
print(NotImplemented, repr(NotImplemented), type(NotImplemented).__name__)
print(type(NotImplemented)() is NotImplemented)
print(Ellipsis, ..., repr(...), type(...).__name__, ... is Ellipsis, type(...)() is ...)
print("skip")
one_list = [1]
t(lambda: one_list[...])
t(lambda: {...: 1}[...])
print(None.__class__.__name__, None.__bool__(), None.__eq__(None), None.__eq__(0))
print(None.__repr__(), None.__ne__(1))
def f():
    pass
print(f(), (lambda: None)())
x = [None, None]
print(x.count(None), x.index(None), None in x)
print(sorted([3, 1], key=lambda v: v) if None is None else None)
