# function objects: attributes, defaults, annotations, code, closures
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

def f(a, b=2, *args, c, d=4, **kw) -> "ret":
    """Doc of f."""
    return a
t(lambda: f.__name__)
t(lambda: f.__qualname__)
t(lambda: f.__doc__)
t(lambda: f.__defaults__)
t(lambda: f.__kwdefaults__)
t(lambda: f.__annotations__)
t(lambda: f.__module__)
t(lambda: f.__dict__)
t(lambda: f.__closure__)
t(lambda: f.__code__.co_argcount)
t(lambda: f.__code__.co_kwonlyargcount)
t(lambda: f.__code__.co_posonlyargcount)
t(lambda: f.__code__.co_varnames)
t(lambda: f.__code__.co_name)
t(lambda: f.__globals__ is globals())
f.custom = 5
t(lambda: f.custom)
t(lambda: f.__dict__)
f.__defaults__ = (100,)
t(lambda: f(1, c=3))
t(lambda: f.__defaults__)
f.__name__ = "renamed"
t(lambda: f.__name__)
t(lambda: setattr(f, "__name__", 5))
t(lambda: setattr(f, "__defaults__", 5))
t(lambda: setattr(f, "__code__", None))
t(lambda: f.nope)
def outer():
    x = 1
    def inner():
        return x
    return inner
inner = outer()
t(lambda: len(inner.__closure__))
t(lambda: inner.__closure__[0].cell_contents)
t(lambda: inner.__code__.co_freevars)
t(lambda: outer.__code__.co_cellvars)
t(lambda: (lambda: 0).__name__)
t(lambda: (lambda x, /, y: 0).__code__.co_posonlyargcount)
t(lambda: type(f).__name__)
t(lambda: callable(f))
def g(): pass
t(lambda: g.__doc__)
t(lambda: g())
