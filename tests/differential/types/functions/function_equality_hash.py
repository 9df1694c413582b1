# functions compare by identity; code objects; __code__ replacement between functions
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

def a():
    return "a"
def b():
    return "b"
t(lambda: a == a)
t(lambda: a == b)
t(lambda: hash(a) == hash(a))
t(lambda: {a: 1, b: 2}[a])
t(lambda: a < b)
a.__code__ = b.__code__
t(lambda: a())
t(lambda: a.__name__)
def with_free():
    x = 1
    def inner():
        return x
    return inner
t(lambda: setattr(a, "__code__", with_free().__code__))
t(lambda: a.__code__.co_name)
t(lambda: b.__code__ == b.__code__)
t(lambda: type(b.__code__).__name__)
t(lambda: b.__code__.co_filename.endswith("function_equality_hash.py"))
t(lambda: b.__code__.co_firstlineno)
t(lambda: b.__code__.co_consts[:1])
t(lambda: b.__code__.co_nlocals)
t(lambda: b.__code__.co_stacksize > 0)
t(lambda: (lambda x, y=1, *a, k, **kw: 0).__code__.co_varnames)
t(lambda: (lambda x, y=1, *a, k, **kw: 0).__code__.co_flags & 0x0C)
