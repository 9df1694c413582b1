# f(*x)/f(**x) errors name the callable as CPython's _PyObject_FunctionStr:
# qualname() for functions, str() for objects without a qualname.
def h(): pass
class K:
    def __str__(self): return "a K"
for f in (None, K(), h, len):
    for call in (lambda: f(*h), lambda: f(**h)):
        try:
            call()
        except TypeError as e:
            print(e)
