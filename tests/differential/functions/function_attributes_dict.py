# function __dict__, __wrapped__-style metadata copying, __qualname__ and __module__ edits
def original(x):
    """Original doc."""
    return x + 1
def wraps(wrapped):
    def deco(wrapper):
        for attr in ("__name__", "__qualname__", "__doc__", "__module__"):
            setattr(wrapper, attr, getattr(wrapped, attr))
        wrapper.__dict__.update(wrapped.__dict__)
        wrapper.__wrapped__ = wrapped
        return wrapper
    return deco
original.tag = "tagged"
@wraps(original)
def wrapper(*a):
    return original(*a) * 10
print(wrapper(1), wrapper.__name__, wrapper.__doc__, wrapper.tag, wrapper.__wrapped__ is original)
print(sorted(wrapper.__dict__))
wrapper.__qualname__ = "Some.Qualified.name"
wrapper.__module__ = "elsewhere"
print(wrapper.__qualname__, wrapper.__module__)
try:
    wrapper.__dict__ = None
except TypeError as e:
    print("TypeError", e)
wrapper.__dict__ = {"fresh": 1}
print(wrapper.fresh, hasattr(wrapper, "tag"))
del wrapper.fresh
print(wrapper.__dict__)
try:
    del wrapper.__name__
except TypeError as e:
    print("TypeError", e)
try:
    wrapper.__annotations__ = 5
except TypeError as e:
    print("TypeError", e)
wrapper.__annotations__ = {"x": int}
print(wrapper.__annotations__)
